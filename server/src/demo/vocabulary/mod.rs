//! The words demo data is made of: the fair's 16 categories and 50 exhibition sections as the
//! online Canton Fair named them, product names, cities and company name parts, in both languages.

mod categories;
pub mod fair_names;
pub mod translations;

pub use categories::{CATEGORIES, CategoryWords, Pair};

pub const CITIES: &[(&str, &str, &str)] = &[
    ("guangzhou", "Guangzhou", "广州"),
    ("shenzhen", "Shenzhen", "深圳"),
    ("ningbo", "Ningbo", "宁波"),
    ("yiwu", "Yiwu", "义乌"),
    ("foshan", "Foshan", "佛山"),
    ("xiamen", "Xiamen", "厦门"),
    ("qingdao", "Qingdao", "青岛"),
    ("suzhou", "Suzhou", "苏州"),
    ("dongguan", "Dongguan", "东莞"),
    ("hangzhou", "Hangzhou", "杭州"),
    ("zhongshan", "Zhongshan", "中山"),
    ("wenzhou", "Wenzhou", "温州"),
    ("jinhua", "Jinhua", "金华"),
    ("changsha", "Changsha", "长沙"),
    ("chengdu", "Chengdu", "成都"),
    ("tianjin", "Tianjin", "天津"),
    ("quanzhou", "Quanzhou", "泉州"),
    ("shantou", "Shantou", "汕头"),
];

pub const BRANDS: &[(&str, &str, &str)] = &[
    ("brightway", "Brightway", "明途"),
    ("everwin", "Everwin", "恒胜"),
    ("goldensea", "Golden Sea", "金海"),
    ("sunrise", "Sunrise", "旭日"),
    ("hongda", "Hongda", "宏达"),
    ("topfair", "Topfair", "拓展"),
    ("greenleaf", "Green Leaf", "绿叶"),
    ("starlink", "Starlink", "星联"),
    ("united", "United", "联合"),
    ("jiahe", "Jiahe", "嘉禾"),
    ("fortune", "Fortune", "富源"),
    ("skyline", "Skyline", "天际"),
    ("oriental", "Oriental", "东方"),
    ("huaxin", "Huaxin", "华信"),
    ("pioneer", "Pioneer", "先锋"),
    ("meilin", "Meilin", "美林"),
    ("tianyi", "Tianyi", "天翼"),
    ("hengtai", "Hengtai", "恒泰"),
    ("silverline", "Silverline", "银线"),
    ("baoli", "Baoli", "宝利"),
    ("kangda", "Kangda", "康达"),
    ("rainbow", "Rainbow", "彩虹"),
    ("dragonstar", "Dragon Star", "龙星"),
    ("yongsheng", "Yongsheng", "永盛"),
];

pub const ADJECTIVES: &[Pair] = &[
    ("Premium", "优质"),
    ("Portable", "便携式"),
    ("Eco-friendly", "环保"),
    ("Heavy-duty", "重型"),
    ("Compact", "紧凑型"),
    ("Smart", "智能"),
    ("Classic", "经典"),
    ("Professional", "专业"),
    ("Lightweight", "轻量"),
    ("Waterproof", "防水"),
    ("Customizable", "可定制"),
    ("Energy-saving", "节能"),
];

/// Where the demo's exhibitors from outside China come from: ISO codes of 35 trading nations
/// (their order fixes the generated data).
pub const EXHIBITOR_COUNTRIES: &[&str] = &[
    "AE", "AR", "AU", "BD", "BR", "CA", "CL", "CN", "DE", "EG", "ES", "FR", "GB", "HK", "ID", "IN",
    "IT", "JP", "KE", "KR", "MX", "MY", "NG", "NL", "PK", "PL", "RU", "SA", "SG", "TH", "TR", "TW",
    "US", "VN", "ZA",
];

pub const MARKETS: &[&str] = &[
    "North America",
    "Western Europe",
    "Eastern Europe",
    "Southeast Asia",
    "Middle East",
    "Africa",
    "South America",
    "Oceania",
    "East Asia",
    "South Asia",
    "Central America",
];

pub const CERTIFICATIONS: &[&str] = &[
    "ISO 9001",
    "ISO 14001",
    "CE",
    "RoHS",
    "FCC",
    "UL",
    "BSCI",
    "FDA",
    "GS",
    "SGS",
];

pub const MATERIALS: &[Pair] = &[
    ("Stainless steel", "不锈钢"),
    ("ABS plastic", "ABS塑料"),
    ("Aluminium alloy", "铝合金"),
    ("Cotton", "棉"),
    ("Tempered glass", "钢化玻璃"),
    ("Bamboo", "竹"),
    ("Ceramic", "陶瓷"),
    ("Silicone", "硅胶"),
];

pub const COLORS: &[&str] = &[
    "Black",
    "White",
    "Silver",
    "Blue",
    "Red",
    "Green",
    "Grey",
    "Custom (Pantone)",
];
