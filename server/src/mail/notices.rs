//! The mails the fair writes on its own clock, with no request to take a language from: a
//! meeting's reminder and the digest of unread messages, each in the language its reader chose
//! (`users.language`). Like `texts`, every function matches on the language without a
//! catch-all arm. Counts take each language's plural form from CLDR's rules (ICU4X); times
//! come written already, in the reader's language (`meetings::zones::written_out`).

use super::texts::Mail;
use app::formats::{PluralCategory, plural};
use app::i18n::Locale;

/// A meeting starting within the hour, as one of its parties reads it.
pub struct Reminder<'a> {
    /// The other party: the exhibitor, or the buyer and their company.
    pub with: &'a str,
    /// The start in the reader's zone, and the zone's name.
    pub own: (&'a str, &'a str),
    /// The start in the other party's zone, and the zone's name.
    pub theirs: (&'a str, &'a str),
    pub topic: &'a str,
    /// The meeting's page, with its calendar file and its call.
    pub link: &'a str,
}

pub fn reminder(locale: Locale, meeting: &Reminder) -> Mail {
    let Reminder {
        with,
        own: (own_time, own_zone),
        theirs: (their_time, their_zone),
        topic,
        link,
    } = meeting;
    match locale {
        Locale::en => (
            format!("Reminder: your meeting with {with} at {own_time}"),
            format!(
                "Your meeting with {with} starts within the hour.\n\n\
                 Your time: {own_time} ({own_zone})\nTheir time: {their_time} ({their_zone})\n\
                 Topic: {topic}\n\nThe meeting, its call and its calendar file: {link}\n"
            ),
        ),
        Locale::zh => (
            format!("提醒：您与{with}的会议将于{own_time}开始"),
            format!(
                "您与{with}的会议将在一小时内开始。\n\n\
                 您的时间：{own_time}（{own_zone}）\n对方的时间：{their_time}（{their_zone}）\n\
                 议题：{topic}\n\n会议页面、通话和日历文件：{link}\n"
            ),
        ),
        Locale::ar => (
            format!("تذكير: اجتماعك مع {with} في {own_time}"),
            format!(
                "يبدأ اجتماعك مع {with} خلال الساعة القادمة.\n\n\
                 بتوقيتك: {own_time} ({own_zone})\nبتوقيت الطرف الآخر: {their_time} ({their_zone})\n\
                 الموضوع: {topic}\n\nصفحة الاجتماع والمكالمة وملف التقويم: {link}\n"
            ),
        ),
        Locale::fr => (
            format!("Rappel : votre rendez-vous avec {with} le {own_time}"),
            format!(
                "Votre rendez-vous avec {with} commence dans moins d’une heure.\n\n\
                 Chez vous : {own_time} ({own_zone})\nChez votre interlocuteur : {their_time} ({their_zone})\n\
                 Sujet : {topic}\n\nLa page du rendez-vous, l’appel vidéo et le fichier d’agenda : {link}\n"
            ),
        ),
        Locale::es => (
            format!("Recordatorio: su reunión con {with} el {own_time}"),
            format!(
                "Su reunión con {with} empieza en menos de una hora.\n\n\
                 Su hora: {own_time} ({own_zone})\nLa hora de la otra parte: {their_time} ({their_zone})\n\
                 Tema: {topic}\n\nLa reunión, su llamada y su archivo de calendario: {link}\n"
            ),
        ),
        Locale::ru => (
            format!("Напоминание: встреча с {with} — {own_time}"),
            format!(
                "Ваша встреча с {with} начнётся в течение часа.\n\n\
                 Ваше время: {own_time} ({own_zone})\nВремя собеседника: {their_time} ({their_zone})\n\
                 Тема: {topic}\n\nВстреча, звонок и файл календаря: {link}\n"
            ),
        ),
    }
}

/// One conversation in a digest: its unread messages, from whom, and its page.
pub struct Unread<'a> {
    pub count: i64,
    pub from: &'a str,
    pub link: &'a str,
}

/// The digest of `unread` for `name`, whose oldest message has waited `minutes` or more;
/// `inbox` is the messages' page.
pub fn digest(locale: Locale, name: &str, unread: &[Unread], minutes: i64, inbox: &str) -> Mail {
    let total: i64 = unread.iter().map(|line| line.count).sum();
    let list: String = unread
        .iter()
        .map(|Unread { count, from, link }| {
            let count = unread_messages(locale, *count);
            match locale {
                Locale::en => format!("- {count} from {from}: {link}\n"),
                Locale::zh => format!("- 来自{from}的{count}：{link}\n"),
                Locale::ar => format!("- {count} من {from}: {link}\n"),
                Locale::fr => format!("- {count} de {from} : {link}\n"),
                Locale::es => format!("- {count} de {from}: {link}\n"),
                Locale::ru => format!("- {count} от {from}: {link}\n"),
            }
        })
        .collect();
    let total = unread_messages(locale, total);
    let waited = minutes_waited(locale, minutes);
    match locale {
        Locale::en => (
            format!("{total} on Cloud Fair"),
            format!(
                "Hello {name},\n\nThese messages have waited for you for {waited} or more:\n\n\
                 {list}\nReply on the platform: {inbox}\n\n\
                 You get this mail when a message stays unread; we mail about each message once.\n"
            ),
        ),
        Locale::zh => (
            format!("您在云展会有{total}"),
            format!(
                "{name}，您好：\n\n以下消息已等待您{waited}或更久：\n\n\
                 {list}\n请在平台上回复：{inbox}\n\n\
                 消息一直未读时，您会收到这封邮件；每条消息只提醒一次。\n"
            ),
        ),
        Locale::ar => (
            format!("لديك {total} في Cloud Fair"),
            format!(
                "مرحبًا {name}،\n\nتنتظرك هذه الرسائل منذ {waited} أو أكثر:\n\n\
                 {list}\nالرد على المنصة: {inbox}\n\n\
                 يصلك هذا البريد حين تبقى رسالة دون قراءة؛ ونرسل بشأن كل رسالة مرة واحدة فقط.\n"
            ),
        ),
        Locale::fr => (
            format!("{total} sur Cloud Fair"),
            format!(
                "Bonjour {name},\n\nCes messages vous attendent depuis {waited} ou plus :\n\n\
                 {list}\nRépondre sur la plateforme : {inbox}\n\n\
                 Vous recevez ce courriel quand un message reste non lu ; nous ne signalons chaque message qu’une fois.\n"
            ),
        ),
        Locale::es => (
            format!("{total} en Cloud Fair"),
            format!(
                "Hola, {name}:\n\nEstos mensajes le esperan desde hace {waited} o más:\n\n\
                 {list}\nResponder en la plataforma: {inbox}\n\n\
                 Recibe este correo cuando un mensaje queda sin leer; avisamos de cada mensaje una sola vez.\n"
            ),
        ),
        Locale::ru => (
            format!("{total} на Cloud Fair"),
            format!(
                "Здравствуйте, {name}!\n\nЭти сообщения ждут Вас уже {waited} или дольше:\n\n\
                 {list}\nОтветить на платформе: {inbox}\n\n\
                 Это письмо приходит, когда сообщение остаётся непрочитанным; о каждом сообщении мы пишем один раз.\n"
            ),
        ),
    }
}

/// "3 unread messages", in the form `count` takes in `locale`.
fn unread_messages(locale: Locale, count: i64) -> String {
    use PluralCategory::*;
    match (locale, plural(locale, count)) {
        (Locale::en, One) => format!("{count} unread message"),
        (Locale::en, _) => format!("{count} unread messages"),
        (Locale::zh, _) => format!("{count}条未读消息"),
        (Locale::ar, One) => "رسالة واحدة غير مقروءة".to_owned(),
        (Locale::ar, Two) => "رسالتان غير مقروءتين".to_owned(),
        (Locale::ar, Few) => format!("{count} رسائل غير مقروءة"),
        (Locale::ar, _) => format!("{count} رسالة غير مقروءة"),
        (Locale::fr, One) => format!("{count} message non lu"),
        (Locale::fr, _) => format!("{count} messages non lus"),
        (Locale::es, One) => format!("{count} mensaje sin leer"),
        (Locale::es, _) => format!("{count} mensajes sin leer"),
        (Locale::ru, One) => format!("{count} непрочитанное сообщение"),
        (Locale::ru, Few) => format!("{count} непрочитанных сообщения"),
        (Locale::ru, _) => format!("{count} непрочитанных сообщений"),
    }
}

/// "5 minutes", as a span waited (Russian's accusative: "1 минуту"; Arabic's after "منذ").
fn minutes_waited(locale: Locale, minutes: i64) -> String {
    use PluralCategory::*;
    match (locale, plural(locale, minutes)) {
        (Locale::en, One) => format!("{minutes} minute"),
        (Locale::en, _) => format!("{minutes} minutes"),
        (Locale::zh, _) => format!("{minutes}分钟"),
        (Locale::ar, One) => "دقيقة واحدة".to_owned(),
        (Locale::ar, Two) => "دقيقتين".to_owned(),
        (Locale::ar, Few) => format!("{minutes} دقائق"),
        (Locale::ar, _) => format!("{minutes} دقيقة"),
        (Locale::fr, One) => format!("{minutes} minute"),
        (Locale::fr, _) => format!("{minutes} minutes"),
        (Locale::es, One) => format!("{minutes} minuto"),
        (Locale::es, _) => format!("{minutes} minutos"),
        (Locale::ru, One) => format!("{minutes} минуту"),
        (Locale::ru, Few) => format!("{minutes} минуты"),
        (Locale::ru, _) => format!("{minutes} минут"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use leptos_i18n::Locale as _;
    use std::collections::BTreeSet;

    #[test]
    fn counts_take_each_languages_plural_form() {
        let cases = [
            (Locale::en, 1, "1 unread message"),
            (Locale::en, 2, "2 unread messages"),
            (Locale::ar, 1, "رسالة واحدة غير مقروءة"),
            (Locale::ar, 2, "رسالتان غير مقروءتين"),
            (Locale::ar, 3, "3 رسائل غير مقروءة"),
            (Locale::ar, 11, "11 رسالة غير مقروءة"),
            (Locale::ar, 100, "100 رسالة غير مقروءة"),
            (Locale::fr, 1, "1 message non lu"),
            (Locale::fr, 4, "4 messages non lus"),
            (Locale::es, 1, "1 mensaje sin leer"),
            (Locale::ru, 1, "1 непрочитанное сообщение"),
            (Locale::ru, 3, "3 непрочитанных сообщения"),
            (Locale::ru, 5, "5 непрочитанных сообщений"),
            (Locale::ru, 21, "21 непрочитанное сообщение"),
            (Locale::ru, 22, "22 непрочитанных сообщения"),
            (Locale::zh, 1, "1条未读消息"),
        ];
        for (locale, count, expected) in cases {
            assert_eq!(unread_messages(locale, count), expected);
        }
        assert_eq!(minutes_waited(Locale::ru, 1), "1 минуту");
        assert_eq!(minutes_waited(Locale::ru, 15), "15 минут");
        assert_eq!(minutes_waited(Locale::ar, 10), "10 دقائق");
        assert_eq!(minutes_waited(Locale::en, 15), "15 minutes");
    }

    /// Each language's mails carry every value put in, in texts of their own.
    #[test]
    fn every_notice_in_every_language_carries_its_values() {
        let with = "Ningbo «Lights» & Co.";
        let link = "https://fair.example/meetings/7";
        let (own, theirs) = (
            ("Mon 7 Dec 09:00", "Europe/Paris"),
            ("16:00", "Asia/Shanghai"),
        );
        let unread = [
            Unread {
                count: 1,
                from: "Ольга (حداد)",
                link: "https://fair.example/messages/3",
            },
            Unread {
                count: 2,
                from: with,
                link: "https://fair.example/messages/4",
            },
        ];
        let mut seen = BTreeSet::new();
        for &locale in Locale::get_all() {
            let meeting = Reminder {
                with,
                own,
                theirs,
                topic: "LED panels, 2,000 units",
                link,
            };
            let reminded = reminder(locale, &meeting);
            let digested = digest(
                locale,
                "Li Wei",
                &unread,
                15,
                "https://fair.example/messages",
            );
            let values: [(&Mail, &[&str]); 2] = [
                (
                    &reminded,
                    &[with, own.0, own.1, theirs.0, theirs.1, meeting.topic, link],
                ),
                (
                    &digested,
                    &[
                        "Li Wei",
                        "Ольга (حداد)",
                        with,
                        unread[0].link,
                        unread[1].link,
                        "/messages\n",
                    ],
                ),
            ];
            for ((subject, text), values) in values {
                assert!(text.ends_with('\n'), "{locale:?}: {text}");
                for value in values {
                    assert!(text.contains(value), "{locale:?}: {value} in {text}");
                }
                assert!(seen.insert(subject.clone()), "{locale:?}: {subject}");
                assert!(seen.insert(text.clone()), "{locale:?}: {text}");
                if locale != Locale::en {
                    for english in ["Hello", "Your time", "Reply", "unread"] {
                        assert!(!text.contains(english), "{locale:?}: {text}");
                    }
                }
            }
            assert!(reminded.0.contains(own.0), "{locale:?}: {}", reminded.0);
        }
    }
}
