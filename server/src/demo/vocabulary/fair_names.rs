//! The fair's names in Arabic, French, Spanish and Russian: its 16 categories and 50 exhibition
//! sections, the session and the word for a hall. Translated for the demo fair from the English
//! (and Chinese) names in `categories.rs`, as a trade fair's multilingual site names them: short,
//! title-like, in sentence case (French, Spanish, Russian), "Cloud Fair" kept as a brand.
//!
//! Rows are keyed by the slugs in `categories.rs`. Five categories share their slug with their
//! only or first section (`chemical-products`, `household-items`, `home-decorations`, `shoes`,
//! `food`), under the same English name: one row serves both.

/// (slug, Arabic, French, Spanish, Russian): each category, then its sections, in the order of
/// `categories.rs` (a slug already named above is not repeated).
#[rustfmt::skip]
pub const NAMES: &[(&str, &str, &str, &str, &str)] = &[
    ("electronics-appliances", "الإلكترونيات والأجهزة الكهربائية المنزلية", "Électronique et appareils électroménagers", "Electrónica y electrodomésticos", "Электроника и бытовая техника"),
    ("consumer-electronics", "الإلكترونيات الاستهلاكية ومنتجات تقنية المعلومات", "Électronique grand public et produits informatiques", "Electrónica de consumo y productos informáticos", "Потребительская электроника и ИТ-оборудование"),
    ("household-appliances", "الأجهزة الكهربائية المنزلية", "Appareils électroménagers", "Electrodomésticos", "Бытовая техника"),
    ("electronic-electrical-products", "المنتجات الإلكترونية والكهربائية", "Produits électroniques et électriques", "Productos electrónicos y eléctricos", "Электронная и электротехническая продукция"),
    ("lighting", "معدات الإضاءة", "Équipements d’éclairage", "Equipos de iluminación", "Осветительное оборудование"),
    ("indoor-lighting", "الإضاءة الداخلية", "Éclairage intérieur", "Iluminación interior", "Внутреннее освещение"),
    ("outdoor-lighting", "الإضاءة الخارجية", "Éclairage extérieur", "Iluminación exterior", "Наружное освещение"),
    ("led-lighting", "إضاءة LED", "Éclairage LED", "Iluminación LED", "Светодиодное освещение"),
    ("vehicles-parts", "المركبات وقطع الغيار", "Véhicules et pièces détachées", "Vehículos y repuestos", "Транспортные средства и запчасти"),
    ("vehicles", "المركبات", "Véhicules", "Vehículos", "Транспортные средства"),
    ("vehicle-parts", "قطع غيار المركبات", "Pièces détachées pour véhicules", "Repuestos para vehículos", "Автозапчасти"),
    ("motorcycles", "الدراجات النارية", "Motos", "Motocicletas", "Мотоциклы"),
    ("bicycles", "الدراجات الهوائية", "Vélos", "Bicicletas", "Велосипеды"),
    ("machinery", "الآلات", "Machines", "Maquinaria", "Машины и оборудование"),
    ("processing-machinery", "آلات ومعدات المعالجة", "Machines et équipements de transformation", "Maquinaria y equipos de procesamiento", "Обрабатывающее оборудование"),
    ("power-electrical-equipment", "معدات الطاقة والكهرباء", "Équipements énergétiques et électriques", "Equipos energéticos y eléctricos", "Энергетическое и электротехническое оборудование"),
    ("general-machinery", "آلات الأغراض العامة والمكونات الميكانيكية الأساسية", "Machines à usage général et composants mécaniques de base", "Maquinaria general y componentes mecánicos básicos", "Общепромышленное оборудование и детали машин"),
    ("construction-machinery", "معدات البناء", "Engins de chantier", "Maquinaria de construcción", "Строительная техника"),
    ("agricultural-machinery", "الآلات الزراعية", "Machines agricoles", "Maquinaria agrícola", "Сельскохозяйственная техника"),
    ("hardware-tools", "الخردوات والعدد", "Quincaillerie et outillage", "Ferretería y herramientas", "Скобяные изделия и инструменты"),
    ("hardware", "الخردوات", "Quincaillerie", "Ferretería", "Скобяные изделия"),
    ("tools", "العدد والأدوات", "Outillage", "Herramientas", "Инструменты"),
    ("building-materials", "مواد البناء", "Matériaux de construction", "Materiales de construcción", "Строительные материалы"),
    ("building-decoration-materials", "مواد البناء والديكور", "Matériaux de construction et de décoration", "Materiales de construcción y decoración", "Строительные и отделочные материалы"),
    ("sanitary-bathroom", "الأدوات الصحية وتجهيزات الحمامات", "Sanitaires et équipements de salle de bains", "Sanitarios y equipamiento de baño", "Сантехника и оборудование для ванных комнат"),
    ("chemical-products", "المنتجات الكيميائية", "Produits chimiques", "Productos químicos", "Химическая продукция"),
    ("energy-resources", "الطاقة", "Énergie", "Energía", "Энергетика"),
    ("new-energy", "الطاقة الجديدة والمتجددة", "Énergies nouvelles", "Nuevas energías", "Новая энергетика"),
    ("household-items", "المستلزمات المنزلية", "Articles pour la maison", "Artículos para el hogar", "Товары для дома"),
    ("kitchenware-tableware", "أدوات المطبخ والمائدة", "Ustensiles de cuisine et arts de la table", "Menaje de cocina y mesa", "Кухонная и столовая посуда"),
    ("general-ceramics", "الخزف للاستعمال اليومي", "Céramique d’usage courant", "Cerámica de uso diario", "Бытовая керамика"),
    ("personal-care", "منتجات العناية الشخصية", "Produits de soins personnels", "Productos de cuidado personal", "Средства личной гигиены"),
    ("toiletries", "مستلزمات الحمام", "Articles de toilette", "Artículos de aseo", "Товары для ванной комнаты"),
    ("gifts", "الهدايا", "Cadeaux", "Regalos", "Подарки"),
    ("toys", "الألعاب", "Jouets", "Juguetes", "Игрушки"),
    ("gifts-premiums", "الهدايا والمنتجات الترويجية", "Cadeaux et objets publicitaires", "Regalos y artículos promocionales", "Подарки и рекламные сувениры"),
    ("festival-products", "مستلزمات الأعياد والمناسبات", "Articles de fête", "Artículos de fiesta", "Товары для праздников"),
    ("baby-maternity", "مستلزمات الأمومة والطفولة", "Puériculture et maternité", "Puericultura y maternidad", "Товары для мам и малышей"),
    ("home-decorations", "الديكور المنزلي", "Décoration intérieure", "Decoración del hogar", "Декор для дома"),
    ("furniture", "الأثاث", "Mobilier", "Muebles", "Мебель"),
    ("stone-iron-decorations", "ديكورات الحجر والحديد المشغول وأحواض السبا الخارجية", "Décoration en pierre et fer forgé, spas d’extérieur", "Decoración en piedra y hierro forjado, spas de exterior", "Декор из камня и кованого железа, уличные спа-бассейны"),
    ("garden-products", "مستلزمات الحدائق", "Articles de jardin", "Artículos de jardín", "Товары для сада"),
    ("textiles-garments", "المنسوجات والملابس", "Textile et habillement", "Textil y confección", "Текстиль и одежда"),
    ("home-textiles", "المنسوجات المنزلية", "Linge de maison", "Textiles para el hogar", "Домашний текстиль"),
    ("textile-raw-materials", "خامات النسيج والأقمشة", "Matières premières textiles et tissus", "Materias primas textiles y tejidos", "Текстильное сырьё и ткани"),
    ("carpets-tapestries", "السجاد والمعلقات الجدارية", "Tapis et tapisseries", "Alfombras y tapices", "Ковры и гобелены"),
    ("mens-womens-clothing", "الملابس الرجالية والنسائية", "Vêtements pour hommes et femmes", "Ropa de hombre y mujer", "Мужская и женская одежда"),
    ("kids-wear", "ملابس الأطفال", "Vêtements pour enfants", "Ropa infantil", "Детская одежда"),
    ("sports-casual-wear", "الملابس الرياضية والملابس غير الرسمية", "Vêtements de sport et de loisirs", "Ropa deportiva e informal", "Спортивная и повседневная одежда"),
    ("furs-leather-down", "الفراء والجلود والزغب ومنتجاتها", "Fourrure, cuir, duvet et produits dérivés", "Peletería, cuero, plumón y productos derivados", "Меха, кожа, пух и изделия из них"),
    ("shoes", "الأحذية", "Chaussures", "Calzado", "Обувь"),
    ("office-bags-recreation", "المستلزمات المكتبية والحقائب ومنتجات الترفيه", "Fournitures de bureau, bagagerie et articles de loisirs", "Material de oficina, maletas y bolsos, y artículos de ocio", "Канцелярские товары, сумки и чемоданы, товары для отдыха"),
    ("office-supplies", "المستلزمات المكتبية", "Fournitures de bureau", "Material de oficina", "Канцелярские товары"),
    ("cases-bags", "الحقائب وحقائب السفر", "Bagagerie", "Maletas y bolsos", "Сумки и чемоданы"),
    ("sports-travel-recreation", "منتجات الرياضة والسفر والترفيه", "Articles de sport, de voyage et de loisirs", "Artículos deportivos, de viaje y de ocio", "Товары для спорта, туризма и отдыха"),
    ("pet-products", "مستلزمات الحيوانات الأليفة وأغذيتها", "Articles et aliments pour animaux de compagnie", "Artículos y alimentos para mascotas", "Товары и корма для домашних животных"),
    ("medicines-health", "الأدوية والأجهزة الطبية والمنتجات الصحية", "Médicaments, dispositifs médicaux et produits de santé", "Medicamentos, dispositivos médicos y productos para la salud", "Лекарственные средства, медицинские изделия и товары для здоровья"),
    ("medicines-health-products", "الأدوية والمنتجات الصحية والأجهزة الطبية", "Médicaments, produits de santé et dispositifs médicaux", "Medicamentos, productos para la salud y dispositivos médicos", "Лекарственные средства, товары для здоровья и медицинские изделия"),
    ("food", "المواد الغذائية", "Produits alimentaires", "Alimentación", "Продукты питания"),
    ("tea-coffee", "الشاي والقهوة", "Thé et café", "Té y café", "Чай и кофе"),
    ("rural-revitalization", "منتجات النهوض بالريف", "Produits de la revitalisation rurale", "Productos de la revitalización rural", "Продукция возрождения села"),
];

/// The four names of the category or section `slug` (Arabic, French, Spanish, Russian); None for
/// an unknown slug.
pub fn names(slug: &str) -> Option<[&'static str; 4]> {
    NAMES
        .iter()
        .find(|row| row.0 == slug)
        .map(|&(_, ar, fr, es, ru)| [ar, fr, es, ru])
}

/// "Cloud Fair Autumn Session (Online)" (云展会秋季线上展) in Arabic, French, Spanish and Russian.
pub const SESSION: [&str; 4] = [
    "الدورة الخريفية لمعرض Cloud Fair (عبر الإنترنت)",
    "Session d’automne de Cloud Fair (en ligne)",
    "Sesión de otoño de Cloud Fair (en línea)",
    "Осенняя сессия Cloud Fair (онлайн)",
];

/// The word for a hall before its number ("Hall 9.1") in Arabic, French, Spanish and Russian:
/// `format!("{} {code}", HALL[i])`. The words the interface's hall pages use.
pub const HALL: [&str; 4] = ["القاعة", "Hall", "Pabellón", "Павильон"];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::demo::vocabulary::CATEGORIES;
    use std::collections::HashSet;

    /// Every slug of categories.rs with its English name, categories before their sections.
    fn slugs() -> Vec<(&'static str, &'static str)> {
        CATEGORIES
            .iter()
            .flat_map(|c| {
                std::iter::once((c.slug, c.name.0))
                    .chain(c.sections.iter().map(|&(slug, (en, _))| (slug, en)))
            })
            .collect()
    }

    fn cells() -> impl Iterator<Item = (&'static str, [&'static str; 4])> {
        NAMES
            .iter()
            .map(|&(slug, ar, fr, es, ru)| (slug, [ar, fr, es, ru]))
            .chain([("session", SESSION), ("hall", HALL)])
    }

    #[test]
    fn a_row_for_every_slug_in_their_order_and_no_other() {
        let mut seen = HashSet::new();
        let expected: Vec<_> = slugs()
            .into_iter()
            .filter(|(slug, _)| seen.insert(*slug))
            .map(|(slug, _)| slug)
            .collect();
        let rows: Vec<_> = NAMES.iter().map(|row| row.0).collect();
        assert_eq!(rows, expected);
        assert_eq!(slugs().len(), 16 + 50);
        assert!(names("no-such-slug").is_none());
        assert_eq!(names("lighting").unwrap()[3], "Осветительное оборудование");
    }

    /// A slug used twice (a category and its section) names the same thing in English, so one
    /// row of translations serves both.
    #[test]
    fn a_shared_slug_has_one_english_name() {
        let mut english = std::collections::HashMap::new();
        for (slug, en) in slugs() {
            assert_eq!(*english.entry(slug).or_insert(en), en, "{slug}");
        }
    }

    #[test]
    fn cells_are_trimmed_and_in_their_script() {
        let arabic = |c: char| matches!(c, '\u{0620}'..='\u{064A}');
        let cyrillic = |c: char| matches!(c, '\u{0400}'..='\u{04FF}');
        for (slug, names) in cells() {
            for name in names {
                assert!(!name.is_empty(), "{slug}");
                assert_eq!(name.trim(), name, "{slug}");
                assert!(!name.contains("  "), "{slug}: {name}");
            }
            let [ar, fr, es, ru] = names;
            assert!(ar.chars().any(arabic), "{slug}: {ar}");
            assert!(ru.chars().any(cyrillic), "{slug}: {ru}");
            for latin in [fr, es] {
                assert!(!latin.chars().any(|c| arabic(c) || cyrillic(c)), "{slug}");
            }
        }
    }

    #[test]
    fn french_and_spanish_are_not_the_english() {
        let english: std::collections::HashMap<_, _> = slugs().into_iter().collect();
        for &(slug, _, fr, es, _) in NAMES {
            for name in [fr, es] {
                assert!(!name.eq_ignore_ascii_case(english[slug]), "{slug}: {name}");
            }
        }
    }

    /// French, Spanish and Russian names are in sentence case: after the first word, only
    /// acronyms (LED, ИТ) and the brand start with a capital.
    #[test]
    fn sentence_case() {
        for (slug, [_, fr, es, ru]) in cells() {
            for name in [fr, es, ru] {
                let name = name.replace("Cloud Fair", "");
                let words = name
                    .split(|c: char| !c.is_alphanumeric())
                    .filter(|w| !w.is_empty());
                for word in words.skip(1) {
                    let capital = word.chars().next().is_some_and(char::is_uppercase);
                    assert!(
                        !capital || !word.chars().any(char::is_lowercase),
                        "{slug}: {word} in {name}"
                    );
                }
            }
        }
    }
}
