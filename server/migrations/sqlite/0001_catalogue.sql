-- The fair's catalogue: sessions, categories, sections, halls, booths, exhibitors, products.
-- Integer columns are BIGINT, and flags BIGINT 0/1, so that both engines decode the same types
-- through sqlx's Any driver (which cannot decode SQLite booleans).

CREATE TABLE fair_sessions (
    id INTEGER PRIMARY KEY,
    slug TEXT NOT NULL UNIQUE,
    name_en TEXT NOT NULL,
    name_zh TEXT NOT NULL,
    starts_on TEXT NOT NULL,
    ends_on TEXT NOT NULL,
    phase TEXT NOT NULL CHECK (phase IN ('upcoming', 'open', 'closed')),
    is_current BIGINT NOT NULL DEFAULT 0 CHECK (is_current IN (0, 1)),
    exhibitor_count BIGINT NOT NULL DEFAULT 0,
    booth_count BIGINT NOT NULL DEFAULT 0,
    product_count BIGINT NOT NULL DEFAULT 0,
    new_product_count BIGINT NOT NULL DEFAULT 0
);

CREATE TABLE categories (
    id INTEGER PRIMARY KEY,
    session_id BIGINT NOT NULL REFERENCES fair_sessions (id),
    slug TEXT NOT NULL UNIQUE,
    position BIGINT NOT NULL,
    name_en TEXT NOT NULL,
    name_zh TEXT NOT NULL
);
CREATE INDEX categories_by_session ON categories (session_id, position);

CREATE TABLE sections (
    id INTEGER PRIMARY KEY,
    category_id BIGINT NOT NULL REFERENCES categories (id),
    slug TEXT NOT NULL UNIQUE,
    position BIGINT NOT NULL,
    name_en TEXT NOT NULL,
    name_zh TEXT NOT NULL
);
CREATE INDEX sections_by_category ON sections (category_id, position);

CREATE TABLE halls (
    id INTEGER PRIMARY KEY,
    section_id BIGINT NOT NULL REFERENCES sections (id),
    slug TEXT NOT NULL UNIQUE,
    position BIGINT NOT NULL,
    name_en TEXT NOT NULL,
    name_zh TEXT NOT NULL,
    width_dm BIGINT NOT NULL CHECK (width_dm > 0),
    depth_dm BIGINT NOT NULL CHECK (depth_dm > 0),
    booth_count BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX halls_by_section ON halls (section_id, position);

CREATE TABLE exhibitors (
    id INTEGER PRIMARY KEY,
    session_id BIGINT NOT NULL REFERENCES fair_sessions (id),
    slug TEXT NOT NULL UNIQUE,
    name_en TEXT NOT NULL,
    name_zh TEXT NOT NULL,
    country TEXT NOT NULL,
    year_founded BIGINT NOT NULL,
    staff_size BIGINT NOT NULL,
    main_markets TEXT NOT NULL,
    certifications TEXT NOT NULL,
    verified BIGINT NOT NULL CHECK (verified IN (0, 1)),
    description_en TEXT NOT NULL,
    description_zh TEXT NOT NULL,
    category_id BIGINT NOT NULL REFERENCES categories (id),
    section_id BIGINT NOT NULL REFERENCES sections (id),
    product_count BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX exhibitors_by_category ON exhibitors (category_id, id);
CREATE INDEX exhibitors_by_section ON exhibitors (section_id, id);
CREATE INDEX exhibitors_by_country ON exhibitors (country, id);

CREATE TABLE booths (
    id INTEGER PRIMARY KEY,
    hall_id BIGINT NOT NULL REFERENCES halls (id),
    code TEXT NOT NULL UNIQUE,
    x_dm BIGINT NOT NULL,
    y_dm BIGINT NOT NULL,
    w_dm BIGINT NOT NULL CHECK (w_dm > 0),
    h_dm BIGINT NOT NULL CHECK (h_dm > 0),
    exhibitor_id BIGINT REFERENCES exhibitors (id)
);
CREATE INDEX booths_by_hall ON booths (hall_id, id);
CREATE INDEX booths_by_exhibitor ON booths (exhibitor_id, id);

CREATE TABLE products (
    id INTEGER PRIMARY KEY,
    exhibitor_id BIGINT NOT NULL REFERENCES exhibitors (id),
    category_id BIGINT NOT NULL REFERENCES categories (id),
    section_id BIGINT NOT NULL REFERENCES sections (id),
    title_en TEXT NOT NULL,
    title_zh TEXT NOT NULL,
    description_en TEXT NOT NULL,
    description_zh TEXT NOT NULL,
    specs TEXT NOT NULL,
    price_min_cents BIGINT NOT NULL CHECK (price_min_cents >= 0),
    price_max_cents BIGINT NOT NULL CHECK (price_max_cents >= price_min_cents),
    currency TEXT NOT NULL,
    moq BIGINT NOT NULL CHECK (moq > 0),
    unit_en TEXT NOT NULL,
    unit_zh TEXT NOT NULL,
    lead_time_days BIGINT NOT NULL,
    is_new BIGINT NOT NULL CHECK (is_new IN (0, 1)),
    image_count BIGINT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX products_by_exhibitor ON products (exhibitor_id, id);
CREATE INDEX products_new ON products (is_new, id);

-- How far a data generation got, so that an interrupted one resumes where it stopped.
CREATE TABLE generation_progress (
    scale TEXT PRIMARY KEY,
    seed BIGINT NOT NULL,
    halls_done BIGINT NOT NULL,
    halls_total BIGINT NOT NULL
);
