//! The demo's product titles and descriptions in Arabic, French, Spanish and Russian, made from
//! the English words of the vocabulary: each noun with the gender (and number) its adjective
//! agrees with, each adjective in its agreeing forms, materials and units.

/// The fair's languages beyond English and Chinese that demo exhibitors write in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Language {
    Arabic,
    French,
    Spanish,
    Russian,
}

/// What an adjective agrees with: masculine, feminine, neuter (Russian), masculine or feminine
/// plural (French, Spanish), plural (Russian). Arabic plurals of things take the feminine.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Agreement {
    M,
    F,
    N,
    Mpl,
    Fpl,
    Pl,
}

use Agreement::{F, Fpl, M, Mpl, N, Pl};

/// An English word and its French, Spanish, Russian and Arabic counterparts, in that order.
type Row<T> = (&'static str, [T; 4]);

/// A noun and what its adjective agrees with. In French, Spanish and Arabic the adjective follows
/// the noun, or goes at `|` before a complement ("bottes|en cuir"); in Russian it comes first.
type Noun = (&'static str, Agreement);

/// The products of every category, in sentence case.
#[rustfmt::skip]
const NOUNS: &[Row<Noun>] = &[
    ("Bluetooth Speaker", [("enceinte Bluetooth", F), ("altavoz Bluetooth", M), ("Bluetooth-колонка", F), ("مكبر صوت بلوتوث", M)]),
    ("Air Fryer", [("friteuse sans huile", F), ("freidora de aire", F), ("аэрогриль", M), ("قلاية هوائية", F)]),
    ("Robot Vacuum Cleaner", [("aspirateur robot", M), ("robot aspirador", M), ("робот-пылесос", M), ("مكنسة روبوتية", F)]),
    ("Smart Watch", [("montre connectée", F), ("reloj inteligente", M), ("смарт-часы", Pl), ("ساعة ذكية", F)]),
    ("Electric Kettle", [("bouilloire électrique", F), ("hervidor eléctrico", M), ("электрический чайник", M), ("غلاية كهربائية", F)]),
    ("Power Bank", [("batterie externe", F), ("batería externa", F), ("внешний аккумулятор", M), ("باور بانك", M)]),
    ("Wireless Earbuds", [("écouteurs sans fil", Mpl), ("auriculares inalámbricos", Mpl), ("беспроводные наушники", Pl), ("سماعات أذن لاسلكية", F)]),
    ("Smart Plug", [("prise connectée", F), ("enchufe inteligente", M), ("умная розетка", F), ("مقبس ذكي", M)]),
    ("LED Panel Light", [("dalle LED", F), ("panel LED", M), ("светодиодная панель", F), ("لوحة إضاءة LED", F)]),
    ("Solar Street Light", [("lampadaire solaire", M), ("farola solar", F), ("уличный фонарь на солнечной батарее", M), ("مصباح شارع بالطاقة الشمسية", M)]),
    ("LED Downlight", [("spot LED encastrable", M), ("foco LED empotrable", M), ("встраиваемый светодиодный светильник", M), ("سبوت لايت LED", M)]),
    ("Crystal Chandelier", [("lustre|en cristal", M), ("lámpara de araña de cristal", F), ("хрустальная люстра", F), ("ثريا كريستال", F)]),
    ("LED Strip", [("ruban LED", M), ("tira LED", F), ("светодиодная лента", F), ("شريط LED", M)]),
    ("Floodlight", [("projecteur", M), ("reflector", M), ("прожектор", M), ("كشاف إضاءة", M)]),
    ("Electric Scooter", [("trottinette électrique", F), ("patinete eléctrico", M), ("электросамокат", M), ("سكوتر كهربائي", M)]),
    ("Brake Pad Set", [("plaquettes de frein", Fpl), ("pastillas de freno", Fpl), ("тормозные колодки", Pl), ("فحمات فرامل", F)]),
    ("Car Battery", [("batterie de voiture", F), ("batería|para automóvil", F), ("автомобильный аккумулятор", M), ("بطارية سيارة", F)]),
    ("Mountain Bike", [("VTT", M), ("bicicleta de montaña", F), ("горный велосипед", M), ("دراجة جبلية", F)]),
    ("LED Headlight Bulb", [("ampoule de phare LED", F), ("bombilla LED|para faros", F), ("светодиодная лампа для фар", F), ("لمبة LED|للمصابيح الأمامية", F)]),
    ("Alloy Wheel", [("jante|en alliage", F), ("llanta de aleación", F), ("литой диск", M), ("جنط ألومنيوم", M)]),
    ("CNC Lathe", [("tour CNC", M), ("torno CNC", M), ("токарный станок с ЧПУ", M), ("مخرطة CNC", F)]),
    ("Diesel Generator", [("groupe électrogène diesel", M), ("grupo electrógeno diésel", M), ("дизельный генератор", M), ("مولد ديزل", M)]),
    ("Mini Excavator", [("mini-pelle", F), ("miniexcavadora", F), ("мини-экскаватор", M), ("حفارة صغيرة", F)]),
    ("Laser Cutting Machine", [("machine de découpe laser", F), ("máquina de corte láser", F), ("станок лазерной резки", M), ("آلة قطع بالليزر", F)]),
    ("Water Pump", [("pompe à eau", F), ("bomba de agua", F), ("водяной насос", M), ("مضخة مياه", F)]),
    ("Air Compressor", [("compresseur d'air", M), ("compresor de aire", M), ("воздушный компрессор", M), ("ضاغط هواء", M)]),
    ("Cordless Drill", [("perceuse sans fil", F), ("taladro inalámbrico", M), ("аккумуляторная дрель", F), ("مثقاب لاسلكي", M)]),
    ("Socket Wrench Set", [("coffret de clés à douille", M), ("juego de llaves de vaso", M), ("набор торцевых головок", M), ("طقم مفاتيح لقم", M)]),
    ("Stainless Steel Hinge", [("charnière|en acier inoxydable", F), ("bisagra|de acero inoxidable", F), ("петля из нержавеющей стали", F), ("مفصلة|من الفولاذ المقاوم للصدأ", F)]),
    ("Padlock", [("cadenas", M), ("candado", M), ("навесной замок", M), ("قفل معلق", M)]),
    ("Angle Grinder", [("meuleuse d'angle", F), ("amoladora angular", F), ("угловая шлифмашина", F), ("جلاخة زاوية", F)]),
    ("Porcelain Floor Tile", [("carreau de sol|en grès cérame", M), ("baldosa porcelánica|para suelo", F), ("напольная керамогранитная плитка", F), ("بلاط بورسلين|للأرضيات", M)]),
    ("Thermostatic Shower Set", [("colonne de douche thermostatique", F), ("columna de ducha termostática", F), ("душевая система с термостатом", F), ("طقم دش|بترموستات", M)]),
    ("Aluminium Window", [("fenêtre|en aluminium", F), ("ventana|de aluminio", F), ("алюминиевое окно", N), ("نافذة ألومنيوم", F)]),
    ("Quartz Countertop", [("plan de travail|en quartz", M), ("encimera|de cuarzo", F), ("кварцевая столешница", F), ("سطح عمل|من الكوارتز", M)]),
    ("Ceramic Toilet", [("WC|en céramique", M), ("inodoro|de cerámica", M), ("керамический унитаз", M), ("مرحاض سيراميك", M)]),
    ("Epoxy Resin", [("résine époxy", F), ("resina epoxi", F), ("эпоксидная смола", F), ("راتنج إيبوكسي", M)]),
    ("Titanium Dioxide", [("dioxyde de titane", M), ("dióxido de titanio", M), ("диоксид титана", M), ("ثاني أكسيد تيتانيوم", M)]),
    ("Silicone Sealant", [("mastic silicone", M), ("sellador de silicona", M), ("силиконовый герметик", M), ("مانع تسرب سيليكوني", M)]),
    ("PVC Resin", [("résine PVC", F), ("resina de PVC", F), ("смола ПВХ", F), ("راتنج PVC", M)]),
    ("Monocrystalline Solar Panel", [("panneau solaire monocristallin", M), ("panel solar monocristalino", M), ("монокристаллическая солнечная панель", F), ("لوح شمسي أحادي البلورة", M)]),
    ("Lithium Battery Pack", [("batterie au lithium", F), ("batería de litio", F), ("литиевый аккумулятор", M), ("بطارية ليثيوم", F)]),
    ("Hybrid Inverter", [("onduleur hybride", M), ("inversor híbrido", M), ("гибридный инвертор", M), ("إنفرتر هجين", M)]),
    ("EV Charger", [("borne de recharge|pour véhicule électrique", F), ("cargador|para vehículos eléctricos", M), ("зарядная станция для электромобилей", F), ("شاحن سيارات كهربائية", M)]),
    ("Stainless Steel Water Bottle", [("gourde|en acier inoxydable", F), ("botella de agua|de acero inoxidable", F), ("бутылка для воды из нержавеющей стали", F), ("زجاجة مياه|من الفولاذ المقاوم للصدأ", F)]),
    ("Non-stick Frying Pan", [("poêle antiadhésive", F), ("sartén antiadherente", F), ("антипригарная сковорода", F), ("مقلاة غير لاصقة", F)]),
    ("Ceramic Dinner Set", [("service de table|en céramique", M), ("vajilla|de cerámica", F), ("керамический столовый сервиз", M), ("طقم عشاء سيراميك", M)]),
    ("Bamboo Storage Box", [("boîte de rangement|en bambou", F), ("caja organizadora|de bambú", F), ("бамбуковая коробка для хранения", F), ("صندوق تخزين|من الخيزران", M)]),
    ("Electric Toothbrush", [("brosse à dents électrique", F), ("cepillo de dientes eléctrico", M), ("электрическая зубная щётка", F), ("فرشاة أسنان كهربائية", F)]),
    ("Glass Food Container", [("boîte de conservation|en verre", F), ("recipiente|de vidrio para alimentos", M), ("стеклянный контейнер для продуктов", M), ("علبة حفظ طعام زجاجية", F)]),
    ("Plush Toy", [("peluche", F), ("peluche", M), ("мягкая игрушка", F), ("دمية محشوة", F)]),
    ("Building Blocks Set", [("jeu de construction", M), ("juego de bloques de construcción", M), ("конструктор", M), ("مجموعة مكعبات بناء", F)]),
    ("Christmas Ornament", [("décoration de Noël", F), ("adorno navideño", M), ("ёлочное украшение", N), ("زينة كريسماس", F)]),
    ("Baby Stroller", [("poussette", F), ("cochecito de bebé", M), ("детская коляска", F), ("عربة أطفال", F)]),
    ("Custom Keychain", [("porte-clés personnalisé", M), ("llavero personalizado", M), ("брелок с логотипом", M), ("ميدالية مفاتيح مخصصة", F)]),
    ("Wall Clock", [("horloge murale", F), ("reloj de pared", M), ("настенные часы", Pl), ("ساعة حائط", F)]),
    ("Scented Candle", [("bougie parfumée", F), ("vela aromática", F), ("ароматическая свеча", F), ("شمعة معطرة", F)]),
    ("Rattan Garden Chair", [("chaise de jardin|en rotin", F), ("silla de jardín|de ratán", F), ("садовое кресло из ротанга", N), ("كرسي حديقة|من الراتان", M)]),
    ("Ceramic Vase", [("vase|en céramique", M), ("jarrón|de cerámica", M), ("керамическая ваза", F), ("مزهرية سيراميك", F)]),
    ("Solid Wood Dining Table", [("table à manger|en bois massif", F), ("mesa de comedor|de madera maciza", F), ("обеденный стол из массива дерева", M), ("طاولة طعام|من الخشب الصلب", F)]),
    ("Cotton T-Shirt", [("T-shirt|en coton", M), ("camiseta|de algodón", F), ("хлопковая футболка", F), ("تيشيرت قطني", M)]),
    ("Down Jacket", [("doudoune", F), ("chaqueta de plumón", F), ("пуховик", M), ("جاكيت ريش", M)]),
    ("Bed Sheet Set", [("parure de draps", F), ("juego de sábanas", M), ("комплект постельного белья", M), ("طقم شراشف سرير", M)]),
    ("Polyester Fabric", [("tissu polyester", M), ("tela de poliéster", F), ("ткань из полиэстера", F), ("قماش بوليستر", M)]),
    ("Wool Carpet", [("tapis|en laine", M), ("alfombra|de lana", F), ("шерстяной ковёр", M), ("سجادة صوف", F)]),
    ("Yoga Leggings", [("legging de yoga", M), ("mallas de yoga", Fpl), ("леггинсы для йоги", Pl), ("بنطال يوغا ضيق", M)]),
    ("Running Shoes", [("chaussures de course", Fpl), ("zapatillas|para correr", Fpl), ("кроссовки для бега", Pl), ("أحذية جري", F)]),
    ("Leather Boots", [("bottes|en cuir", Fpl), ("botas|de cuero", Fpl), ("кожаные ботинки", Pl), ("بوت جلدي", M)]),
    ("Canvas Sneakers", [("baskets|en toile", Fpl), ("zapatillas|de lona", Fpl), ("парусиновые кеды", Pl), ("أحذية رياضية قماشية", F)]),
    ("EVA Slippers", [("claquettes|en EVA", Fpl), ("chanclas|de EVA", Fpl), ("шлёпанцы из ЭВА", Pl), ("شبشب EVA", M)]),
    ("Gel Pen Set", [("lot de stylos gel", M), ("set de bolígrafos de gel", M), ("набор гелевых ручек", M), ("طقم أقلام جل", M)]),
    ("Trolley Suitcase", [("valise à roulettes", F), ("maleta|con ruedas", F), ("чемодан на колёсах", M), ("حقيبة سفر|بعجلات", F)]),
    ("Camping Tent", [("tente de camping", F), ("tienda de campaña", F), ("туристическая палатка", F), ("خيمة تخييم", F)]),
    ("Laptop Backpack", [("sac à dos|pour ordinateur portable", M), ("mochila|para portátil", F), ("рюкзак для ноутбука", M), ("حقيبة ظهر|للابتوب", F)]),
    ("Pet Bed", [("lit|pour animaux", M), ("cama|para mascotas", F), ("лежанка для питомцев", F), ("سرير|للحيوانات الأليفة", M)]),
    ("Yoga Mat", [("tapis de yoga", M), ("esterilla de yoga", F), ("коврик для йоги", M), ("سجادة يوغا", F)]),
    ("Digital Thermometer", [("thermomètre numérique", M), ("termómetro digital", M), ("электронный термометр", M), ("ميزان حرارة رقمي", M)]),
    ("Blood Pressure Monitor", [("tensiomètre", M), ("tensiómetro", M), ("тонометр", M), ("جهاز|لقياس ضغط الدم", M)]),
    ("Disposable Face Mask", [("masque jetable", M), ("mascarilla desechable", F), ("одноразовая маска для лица", F), ("كمامة|للاستخدام مرة واحدة", F)]),
    ("Massage Gun", [("pistolet de massage", M), ("pistola de masaje", F), ("массажный пистолет", M), ("مسدس تدليك", M)]),
    ("Green Tea", [("thé vert", M), ("té verde", M), ("зелёный чай", M), ("شاي أخضر", M)]),
    ("Dried Shiitake Mushrooms", [("champignons shiitake séchés", Mpl), ("setas shiitake secas", Fpl), ("сушёные грибы шиитаке", Pl), ("فطر شيتاكي مجفف", M)]),
    ("Canned Peaches", [("pêches|en conserve", Fpl), ("melocotones|en almíbar", Mpl), ("консервированные персики", Pl), ("خوخ معلب", M)]),
    ("Rice Noodles", [("nouilles de riz", Fpl), ("fideos de arroz", Mpl), ("рисовая лапша", F), ("نودلز أرز", F)]),
    ("Roasted Coffee Beans", [("grains de café torréfiés", Mpl), ("café en grano tostado", M), ("жареный кофе в зёрнах", M), ("حبوب قهوة محمصة", F)]),
];

/// Each adjective's forms, `/` between them: French and Spanish masculine, feminine, masculine
/// plural, feminine plural; Russian masculine, feminine, neuter, plural; Arabic masculine, feminine.
#[rustfmt::skip]
const ADJECTIVE_FORMS: &[Row<&str>] = &[
    ("Premium", ["haut de gamme/haut de gamme/haut de gamme/haut de gamme", "premium/premium/premium/premium", "премиальный/премиальная/премиальное/премиальные", "فاخر/فاخرة"]),
    ("Portable", ["portable/portable/portables/portables", "portátil/portátil/portátiles/portátiles", "портативный/портативная/портативное/портативные", "محمول/محمولة"]),
    ("Eco-friendly", ["écologique/écologique/écologiques/écologiques", "ecológico/ecológica/ecológicos/ecológicas", "экологичный/экологичная/экологичное/экологичные", "صديق للبيئة/صديقة للبيئة"]),
    ("Heavy-duty", ["robuste/robuste/robustes/robustes", "robusto/robusta/robustos/robustas", "усиленный/усиленная/усиленное/усиленные", "شديد التحمل/شديدة التحمل"]),
    ("Compact", ["compact/compacte/compacts/compactes", "compacto/compacta/compactos/compactas", "компактный/компактная/компактное/компактные", "صغير الحجم/صغيرة الحجم"]),
    ("Smart", ["intelligent/intelligente/intelligents/intelligentes", "inteligente/inteligente/inteligentes/inteligentes", "умный/умная/умное/умные", "ذكي/ذكية"]),
    ("Classic", ["classique/classique/classiques/classiques", "clásico/clásica/clásicos/clásicas", "классический/классическая/классическое/классические", "كلاسيكي/كلاسيكية"]),
    ("Professional", ["professionnel/professionnelle/professionnels/professionnelles", "profesional/profesional/profesionales/profesionales", "профессиональный/профессиональная/профессиональное/профессиональные", "احترافي/احترافية"]),
    ("Lightweight", ["léger/légère/légers/légères", "ligero/ligera/ligeros/ligeras", "лёгкий/лёгкая/лёгкое/лёгкие", "خفيف الوزن/خفيفة الوزن"]),
    ("Waterproof", ["étanche/étanche/étanches/étanches", "impermeable/impermeable/impermeables/impermeables", "водонепроницаемый/водонепроницаемая/водонепроницаемое/водонепроницаемые", "مقاوم للماء/مقاومة للماء"]),
    ("Customizable", ["personnalisable/personnalisable/personnalisables/personnalisables", "personalizable/personalizable/personalizables/personalizables", "персонализированный/персонализированная/персонализированное/персонализированные", "قابل للتخصيص/قابلة للتخصيص"]),
    ("Energy-saving", ["économe en énergie/économe en énergie/économes en énergie/économes en énergie", "de bajo consumo/de bajo consumo/de bajo consumo/de bajo consumo", "энергосберегающий/энергосберегающая/энергосберегающее/энергосберегающие", "موفر للطاقة/موفرة للطاقة"]),
];

/// Each material as a product is made of it.
#[rustfmt::skip]
const MADE_OF: &[Row<&str>] = &[
    ("Stainless steel", ["en acier inoxydable", "de acero inoxidable", "из нержавеющей стали", "من الفولاذ المقاوم للصدأ"]),
    ("ABS plastic", ["en plastique ABS", "de plástico ABS", "из ABS-пластика", "من بلاستيك ABS"]),
    ("Aluminium alloy", ["en alliage d'aluminium", "de aleación de aluminio", "из алюминиевого сплава", "من سبائك الألومنيوم"]),
    ("Cotton", ["en coton", "de algodón", "из хлопка", "من القطن"]),
    ("Tempered glass", ["en verre trempé", "de vidrio templado", "из закалённого стекла", "من الزجاج المقسى"]),
    ("Bamboo", ["en bambou", "de bambú", "из бамбука", "من الخيزران"]),
    ("Ceramic", ["en céramique", "de cerámica", "из керамики", "من السيراميك"]),
    ("Silicone", ["en silicone", "de silicona", "из силикона", "من السيليكون"]),
];

/// Each unit as a label names it ("minimum order (pieces): 500"), so it never agrees with a number.
#[rustfmt::skip]
const UNIT_LABELS: &[Row<&str>] = &[
    ("pieces", ["pièces", "piezas", "шт.", "بالقطعة"]),
    ("sets", ["jeux", "juegos", "компл.", "بالطقم"]),
    ("units", ["unités", "unidades", "шт.", "بالوحدة"]),
    ("square metres", ["m²", "m²", "м²", "بالمتر المربع"]),
    ("tonnes", ["tonnes", "toneladas", "т", "بالطن"]),
    ("pairs", ["paires", "pares", "пар", "بالزوج"]),
    ("boxes", ["boîtes", "cajas", "уп.", "بالعلبة"]),
    ("cartons", ["cartons", "cajas", "кор.", "بالكرتونة"]),
];

/// A product's title in `language` from its English adjective and noun (as in ADJECTIVES and
/// the categories' `products`) and its model code, the adjective agreeing with the noun (gender,
/// and number where the noun is plural, e.g. "Brake Pad Set"), in the language's natural word
/// order; `None` when a word is not in the tables.
pub fn title(language: Language, adjective: &str, noun: &str, model: &str) -> Option<String> {
    noun_phrase(language, adjective, noun).map(|phrase| format!("{phrase} {model}"))
}

/// A product's description in `language`: one or two sentences like the English one
/// (records.rs `product`): the adjective + noun, the material, carton quantity, minimum order
/// with the unit, lead time in days, samples and custom logos available. Numbers follow a label
/// naming their unit ("commande minimale (pièces) : 500", "минимальный заказ, шт.: 500") or
/// precede an abbreviation ("около 30 дн."), so no plural form has to agree with a number;
/// `None` when a word is not in the tables.
#[expect(
    clippy::too_many_arguments,
    reason = "the record's fields, named at the call"
)]
pub fn description(
    language: Language,
    adjective: &str,
    noun: &str,
    material: &str,
    per_carton: i64,
    moq: i64,
    unit: &str,
    lead_time_days: i64,
) -> Option<String> {
    let phrase = noun_phrase(language, adjective, noun)?;
    let material = find(MADE_OF, material, language)?;
    let unit = find(UNIT_LABELS, unit, language)?;
    let (n, days) = (per_carton, lead_time_days);
    let terms = match language {
        Language::French => format!(
            "Quantité par carton ({unit}) : {n} ; commande minimale ({unit}) : {moq} ; délai de \
             livraison (jours) : env. {days} ; échantillons et logos personnalisés disponibles."
        ),
        Language::Spanish => format!(
            "Cantidad por caja ({unit}): {n}; pedido mínimo ({unit}): {moq}; plazo de entrega \
             (días): aprox. {days}; muestras y logotipos personalizados disponibles."
        ),
        Language::Russian => format!(
            "Количество в коробке, {unit}: {n}; минимальный заказ, {unit}: {moq}; срок поставки: \
             около {days} дн.; возможны образцы и нанесение логотипа."
        ),
        Language::Arabic => format!(
            "الكمية في الكرتونة ({unit}): {n}؛ الحد الأدنى للطلب ({unit}): {moq}؛ مدة التسليم \
             (بالأيام): حوالي {days}؛ تتوفر العينات وإمكانية إضافة شعار مخصص."
        ),
    };
    Some(format!("{phrase} {material}. {terms}"))
}

/// The adjective and noun together, agreeing and in sentence case.
fn noun_phrase(language: Language, adjective: &str, noun: &str) -> Option<String> {
    let (noun, agreement) = find(NOUNS, noun, language)?;
    let forms = find(ADJECTIVE_FORMS, adjective, language)?;
    let adjective = forms.split('/').nth(form_index(language, agreement)?)?;
    let phrase = match (language, noun.split_once('|')) {
        (Language::Russian, _) => format!("{adjective} {noun}"),
        (_, Some((head, complement))) => format!("{head} {adjective} {complement}"),
        (_, None) => format!("{noun} {adjective}"),
    };
    Some(capitalized(&phrase))
}

/// Which of an adjective's forms agrees with `agreement` in `language`, if it can occur there.
fn form_index(language: Language, agreement: Agreement) -> Option<usize> {
    use Language::{French, Russian, Spanish};
    match (language, agreement) {
        (_, M) => Some(0),
        (_, F) => Some(1),
        (French | Spanish, Mpl) | (Russian, N) => Some(2),
        (French | Spanish, Fpl) | (Russian, Pl) => Some(3),
        _ => None,
    }
}

/// The word of `language` in the row of `english` (compared ignoring ASCII case).
fn find<T: Copy>(table: &[Row<T>], english: &str, language: Language) -> Option<T> {
    let column = match language {
        Language::French => 0,
        Language::Spanish => 1,
        Language::Russian => 2,
        Language::Arabic => 3,
    };
    table
        .iter()
        .find(|(word, _)| word.eq_ignore_ascii_case(english))
        .map(|(_, words)| words[column])
}

/// `text` with its first letter upper case.
fn capitalized(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::super::{ADJECTIVES, CATEGORIES, MATERIALS};
    use super::*;

    const LANGUAGES: [Language; 4] = [
        Language::Arabic,
        Language::French,
        Language::Spanish,
        Language::Russian,
    ];

    fn kettle(language: Language, adjective: &str, noun: &str) -> String {
        title(language, adjective, noun, "GU-0042").unwrap_or_default()
    }

    #[test]
    fn every_vocabulary_word_is_translated() {
        for language in LANGUAGES {
            for category in CATEGORIES {
                let unit = category.unit.0;
                for (noun, _) in category.products {
                    for (adjective, _) in ADJECTIVES {
                        let made = title(language, adjective, noun, "GU-0042");
                        assert!(
                            made.as_deref().is_some_and(|t| t.ends_with(" GU-0042")),
                            "{language:?} title of {adjective} {noun}: {made:?}"
                        );
                        let about =
                            description(language, adjective, noun, "Cotton", 20, 500, unit, 30);
                        assert!(about.is_some(), "{language:?} {adjective} {noun} in {unit}");
                    }
                }
            }
            for (material, _) in MATERIALS {
                let about = description(language, "Smart", "Padlock", material, 1, 2, "pieces", 3);
                assert!(about.is_some(), "{language:?} {material}");
            }
        }
    }

    #[test]
    fn tables_have_every_form_and_no_stray_marks() {
        for (english, [fr, es, ru, ar]) in ADJECTIVE_FORMS {
            let counts = [fr, es, ru, ar].map(|forms| forms.split('/').count());
            assert_eq!(counts, [4, 4, 4, 2], "{english}");
        }
        for (english, [.., (russian, _), _]) in NOUNS {
            assert!(
                !russian.contains('|'),
                "{english}: Russian adjectives go first"
            );
        }
    }

    #[test]
    fn french_and_spanish_adjectives_agree_after_the_noun() {
        let fr = |adjective, noun| kettle(Language::French, adjective, noun);
        assert_eq!(
            fr("Portable", "Electric Kettle"),
            "Bouilloire électrique portable GU-0042"
        );
        assert_eq!(
            fr("Lightweight", "Camping Tent"),
            "Tente de camping légère GU-0042"
        );
        assert_eq!(
            fr("Professional", "Brake Pad Set"),
            "Plaquettes de frein professionnelles GU-0042"
        );
        assert_eq!(
            fr("Lightweight", "Leather Boots"),
            "Bottes légères en cuir GU-0042"
        );
        assert_eq!(
            kettle(Language::Spanish, "Heavy-duty", "Brake Pad Set"),
            "Pastillas de freno robustas GU-0042"
        );
        assert_eq!(
            kettle(Language::Spanish, "Compact", "Electric Kettle"),
            "Hervidor eléctrico compacto GU-0042"
        );
    }

    #[test]
    fn russian_adjectives_agree_before_the_noun() {
        let ru = |adjective, noun| kettle(Language::Russian, adjective, noun);
        assert_eq!(
            ru("Energy-saving", "Aluminium Window"),
            "Энергосберегающее алюминиевое окно GU-0042"
        );
        assert_eq!(
            ru("Classic", "Wall Clock"),
            "Классические настенные часы GU-0042"
        );
        assert_eq!(
            ru("Compact", "Electric Toothbrush"),
            "Компактная электрическая зубная щётка GU-0042"
        );
        assert_eq!(
            ru("Portable", "Bluetooth Speaker"),
            "Портативная Bluetooth-колонка GU-0042"
        );
    }

    #[test]
    fn arabic_adjectives_agree_after_the_noun() {
        let ar = |adjective, noun| kettle(Language::Arabic, adjective, noun);
        assert_eq!(
            ar("Portable", "Electric Kettle"),
            "غلاية كهربائية محمولة GU-0042"
        );
        assert_eq!(ar("Portable", "Power Bank"), "باور بانك محمول GU-0042");
        assert_eq!(
            ar("Waterproof", "Wireless Earbuds"),
            "سماعات أذن لاسلكية مقاومة للماء GU-0042"
        );
        assert_eq!(
            ar("Smart", "Blood Pressure Monitor"),
            "جهاز ذكي لقياس ضغط الدم GU-0042"
        );
    }

    #[test]
    fn descriptions_name_material_quantities_and_unit() {
        let about = |language| {
            description(
                language,
                "Portable",
                "Electric Kettle",
                "Stainless steel",
                20,
                500,
                "pairs",
                30,
            )
            .unwrap_or_default()
        };
        assert_eq!(
            about(Language::French),
            "Bouilloire électrique portable en acier inoxydable. Quantité par carton (paires) : 20 ; \
             commande minimale (paires) : 500 ; délai de livraison (jours) : env. 30 ; échantillons \
             et logos personnalisés disponibles."
        );
        let russian = about(Language::Russian);
        assert!(russian.starts_with("Портативный электрический чайник из нержавеющей стали."));
        assert!(russian.contains("минимальный заказ, пар: 500") && russian.contains("30 дн."));
        assert!(about(Language::Spanish).contains("pedido mínimo (pares): 500"));
        assert!(about(Language::Arabic).contains("الحد الأدنى للطلب (بالزوج): 500"));
    }

    #[test]
    fn unknown_words_give_none() {
        assert_eq!(title(Language::French, "Shiny", "Padlock", "X-1"), None);
        assert_eq!(title(Language::French, "Smart", "Teapot", "X-1"), None);
        let about = |material, unit| {
            description(
                Language::Spanish,
                "Smart",
                "Padlock",
                material,
                1,
                2,
                unit,
                3,
            )
        };
        assert_eq!(about("Gold", "pieces"), None);
        assert_eq!(about("Cotton", "barrels"), None);
    }
}
