-- The language a person reads the fair in, by its code (en, zh, ar, fr, es, ru): set when
-- they register and whenever they choose another, so that the mails written for them with
-- no request to take a language from (meeting reminders, digests of unread messages) come in
-- it. People registered before this column read English until they choose.
ALTER TABLE users ADD COLUMN language TEXT NOT NULL DEFAULT 'en';
