//! The fair's 16 categories with their exhibition sections, the products shown there, a trade
//! word and a unit, as the online Canton Fair named them.

/// (English, Chinese)
pub type Pair = (&'static str, &'static str);

/// A category, its exhibition sections, and products shown there.
pub struct CategoryWords {
    pub slug: &'static str,
    pub name: Pair,
    pub sections: &'static [(&'static str, Pair)],
    pub products: &'static [Pair],
    pub trade: Pair,
    pub unit: Pair,
}

pub const CATEGORIES: &[CategoryWords] = &[
    CategoryWords {
        slug: "electronics-appliances",
        name: (
            "Electronics & Household Electrical Appliances",
            "电子及家电",
        ),
        sections: &[
            (
                "consumer-electronics",
                (
                    "Consumer Electronics & Information Products",
                    "消费类电子及信息产品",
                ),
            ),
            (
                "household-appliances",
                ("Household Electrical Appliances", "家用电器"),
            ),
            (
                "electronic-electrical-products",
                ("Electronic & Electrical Products", "电子电气产品"),
            ),
        ],
        products: &[
            ("Bluetooth Speaker", "蓝牙音箱"),
            ("Air Fryer", "空气炸锅"),
            ("Robot Vacuum Cleaner", "扫地机器人"),
            ("Smart Watch", "智能手表"),
            ("Electric Kettle", "电热水壶"),
            ("Power Bank", "移动电源"),
            ("Wireless Earbuds", "无线耳机"),
            ("Smart Plug", "智能插座"),
        ],
        trade: ("Electronics", "电子"),
        unit: ("pieces", "件"),
    },
    CategoryWords {
        slug: "lighting",
        name: ("Lighting Equipment", "照明"),
        sections: &[
            ("indoor-lighting", ("Indoor Lighting", "室内照明")),
            ("outdoor-lighting", ("Outdoor Lighting", "户外照明")),
            ("led-lighting", ("LED Lighting", "LED照明")),
        ],
        products: &[
            ("LED Panel Light", "LED面板灯"),
            ("Solar Street Light", "太阳能路灯"),
            ("LED Downlight", "LED筒灯"),
            ("Crystal Chandelier", "水晶吊灯"),
            ("LED Strip", "LED灯带"),
            ("Floodlight", "投光灯"),
        ],
        trade: ("Lighting", "照明"),
        unit: ("pieces", "件"),
    },
    CategoryWords {
        slug: "vehicles-parts",
        name: ("Vehicles & Spare Parts", "车辆及配件"),
        sections: &[
            ("vehicles", ("Vehicles", "车辆")),
            ("vehicle-parts", ("Vehicle Spare Parts", "车辆配件")),
            ("motorcycles", ("Motorcycles", "摩托车")),
            ("bicycles", ("Bicycles", "自行车")),
        ],
        products: &[
            ("Electric Scooter", "电动滑板车"),
            ("Brake Pad Set", "刹车片套装"),
            ("Car Battery", "汽车电池"),
            ("Mountain Bike", "山地自行车"),
            ("LED Headlight Bulb", "LED大灯灯泡"),
            ("Alloy Wheel", "铝合金轮毂"),
        ],
        trade: ("Auto Parts", "汽配"),
        unit: ("sets", "套"),
    },
    CategoryWords {
        slug: "machinery",
        name: ("Machinery", "机械"),
        sections: &[
            (
                "processing-machinery",
                ("Processing Machinery Equipment", "加工机械设备"),
            ),
            (
                "power-electrical-equipment",
                ("Power & Electrical Equipment", "动力电力设备"),
            ),
            (
                "general-machinery",
                (
                    "General Machinery & Mechanical Basic Parts",
                    "通用机械及机械基础件",
                ),
            ),
            (
                "construction-machinery",
                ("Construction Machinery", "工程机械"),
            ),
            (
                "agricultural-machinery",
                ("Agricultural Machinery", "农业机械"),
            ),
        ],
        products: &[
            ("CNC Lathe", "数控车床"),
            ("Diesel Generator", "柴油发电机组"),
            ("Mini Excavator", "小型挖掘机"),
            ("Laser Cutting Machine", "激光切割机"),
            ("Water Pump", "水泵"),
            ("Air Compressor", "空气压缩机"),
        ],
        trade: ("Machinery", "机械"),
        unit: ("units", "台"),
    },
    CategoryWords {
        slug: "hardware-tools",
        name: ("Hardware & Tools", "五金工具"),
        sections: &[
            ("hardware", ("Hardware", "五金")),
            ("tools", ("Tools", "工具")),
        ],
        products: &[
            ("Cordless Drill", "无绳电钻"),
            ("Socket Wrench Set", "套筒扳手套装"),
            ("Stainless Steel Hinge", "不锈钢合页"),
            ("Padlock", "挂锁"),
            ("Angle Grinder", "角磨机"),
        ],
        trade: ("Hardware", "五金"),
        unit: ("pieces", "件"),
    },
    CategoryWords {
        slug: "building-materials",
        name: ("Building Materials", "建材"),
        sections: &[
            (
                "building-decoration-materials",
                ("Building & Decorative Materials", "建筑及装饰材料"),
            ),
            (
                "sanitary-bathroom",
                ("Sanitary & Bathroom Equipment", "卫浴设备"),
            ),
        ],
        products: &[
            ("Porcelain Floor Tile", "瓷质地砖"),
            ("Thermostatic Shower Set", "恒温淋浴套装"),
            ("Aluminium Window", "铝合金窗"),
            ("Quartz Countertop", "石英石台面"),
            ("Ceramic Toilet", "陶瓷马桶"),
        ],
        trade: ("Building Materials", "建材"),
        unit: ("square metres", "平方米"),
    },
    CategoryWords {
        slug: "chemical-products",
        name: ("Chemical Products", "化工产品"),
        sections: &[("chemical-products", ("Chemical Products", "化工产品"))],
        products: &[
            ("Epoxy Resin", "环氧树脂"),
            ("Titanium Dioxide", "钛白粉"),
            ("Silicone Sealant", "硅酮密封胶"),
            ("PVC Resin", "PVC树脂"),
        ],
        trade: ("Chemical", "化工"),
        unit: ("tonnes", "吨"),
    },
    CategoryWords {
        slug: "energy-resources",
        name: ("Energy Resources", "能源"),
        sections: &[("new-energy", ("New Energy Resources", "新能源"))],
        products: &[
            ("Monocrystalline Solar Panel", "单晶太阳能板"),
            ("Lithium Battery Pack", "锂电池组"),
            ("Hybrid Inverter", "混合逆变器"),
            ("EV Charger", "电动汽车充电桩"),
        ],
        trade: ("New Energy", "新能源"),
        unit: ("pieces", "件"),
    },
    CategoryWords {
        slug: "household-items",
        name: ("Household Items", "日用消费品"),
        sections: &[
            (
                "kitchenware-tableware",
                ("Kitchenware & Tableware", "餐厨用具"),
            ),
            ("general-ceramics", ("General Ceramics", "日用陶瓷")),
            ("household-items", ("Household Items", "家居用品")),
            ("personal-care", ("Personal Care Products", "个人护理用品")),
            ("toiletries", ("Toiletries", "浴室用品")),
        ],
        products: &[
            ("Stainless Steel Water Bottle", "不锈钢水杯"),
            ("Non-stick Frying Pan", "不粘煎锅"),
            ("Ceramic Dinner Set", "陶瓷餐具套装"),
            ("Bamboo Storage Box", "竹制收纳盒"),
            ("Electric Toothbrush", "电动牙刷"),
            ("Glass Food Container", "玻璃保鲜盒"),
        ],
        trade: ("Houseware", "家居用品"),
        unit: ("pieces", "件"),
    },
    CategoryWords {
        slug: "gifts",
        name: ("Gifts", "礼品"),
        sections: &[
            ("toys", ("Toys", "玩具")),
            ("gifts-premiums", ("Gifts & Premiums", "礼品及赠品")),
            ("festival-products", ("Festival Products", "节日用品")),
            (
                "baby-maternity",
                ("Baby & Maternity Products", "孕婴童用品"),
            ),
        ],
        products: &[
            ("Plush Toy", "毛绒玩具"),
            ("Building Blocks Set", "积木套装"),
            ("Christmas Ornament", "圣诞装饰"),
            ("Baby Stroller", "婴儿推车"),
            ("Custom Keychain", "定制钥匙扣"),
        ],
        trade: ("Gifts", "礼品"),
        unit: ("pieces", "件"),
    },
    CategoryWords {
        slug: "home-decorations",
        name: ("Home Decorations", "家居装饰品"),
        sections: &[
            ("home-decorations", ("Home Decorations", "家居装饰品")),
            ("furniture", ("Furniture", "家具")),
            (
                "stone-iron-decorations",
                (
                    "Stone & Iron Decorations and Outdoor Spa",
                    "石材及铁艺装饰品、户外水疗",
                ),
            ),
            ("garden-products", ("Garden Products", "园林产品")),
        ],
        products: &[
            ("Wall Clock", "挂钟"),
            ("Scented Candle", "香薰蜡烛"),
            ("Rattan Garden Chair", "藤编花园椅"),
            ("Ceramic Vase", "陶瓷花瓶"),
            ("Solid Wood Dining Table", "实木餐桌"),
        ],
        trade: ("Home Decor", "家居装饰"),
        unit: ("pieces", "件"),
    },
    CategoryWords {
        slug: "textiles-garments",
        name: ("Textiles & Garments", "纺织服装"),
        sections: &[
            ("home-textiles", ("Home Textiles", "家用纺织品")),
            (
                "textile-raw-materials",
                ("Textile Raw Materials & Fabrics", "纺织原料面料"),
            ),
            ("carpets-tapestries", ("Carpets & Tapestries", "地毯及挂毯")),
            (
                "mens-womens-clothing",
                ("Men and Women's Clothing", "男女装"),
            ),
            ("kids-wear", ("Kids' Wear", "童装")),
            (
                "sports-casual-wear",
                ("Sports & Casual Wear", "运动服及休闲服"),
            ),
            (
                "furs-leather-down",
                ("Furs, Leather, Down & Related Products", "裘革皮羽绒及制品"),
            ),
        ],
        products: &[
            ("Cotton T-Shirt", "纯棉T恤"),
            ("Down Jacket", "羽绒服"),
            ("Bed Sheet Set", "床单套装"),
            ("Polyester Fabric", "涤纶面料"),
            ("Wool Carpet", "羊毛地毯"),
            ("Yoga Leggings", "瑜伽裤"),
        ],
        trade: ("Textile", "纺织"),
        unit: ("pieces", "件"),
    },
    CategoryWords {
        slug: "shoes",
        name: ("Shoes", "鞋"),
        sections: &[("shoes", ("Shoes", "鞋"))],
        products: &[
            ("Running Shoes", "跑步鞋"),
            ("Leather Boots", "皮靴"),
            ("Canvas Sneakers", "帆布鞋"),
            ("EVA Slippers", "EVA拖鞋"),
        ],
        trade: ("Footwear", "鞋业"),
        unit: ("pairs", "双"),
    },
    CategoryWords {
        slug: "office-bags-recreation",
        name: (
            "Office Supplies, Cases & Bags, and Recreation Products",
            "办公、箱包及休闲用品",
        ),
        sections: &[
            ("office-supplies", ("Office Supplies", "办公文具")),
            ("cases-bags", ("Cases & Bags", "箱包")),
            (
                "sports-travel-recreation",
                ("Sports, Travel & Recreation Products", "体育及旅游休闲用品"),
            ),
            ("pet-products", ("Pet Products and Food", "宠物用品及食品")),
        ],
        products: &[
            ("Gel Pen Set", "中性笔套装"),
            ("Trolley Suitcase", "拉杆箱"),
            ("Camping Tent", "露营帐篷"),
            ("Laptop Backpack", "电脑双肩包"),
            ("Pet Bed", "宠物床"),
            ("Yoga Mat", "瑜伽垫"),
        ],
        trade: ("Leisure Products", "休闲用品"),
        unit: ("pieces", "件"),
    },
    CategoryWords {
        slug: "medicines-health",
        name: (
            "Medicines, Medical Devices and Health Products",
            "医药及医疗保健",
        ),
        sections: &[(
            "medicines-health-products",
            (
                "Medicines, Health Products & Medical Devices",
                "医药保健品及医疗器械",
            ),
        )],
        products: &[
            ("Digital Thermometer", "电子体温计"),
            ("Blood Pressure Monitor", "电子血压计"),
            ("Disposable Face Mask", "一次性口罩"),
            ("Massage Gun", "筋膜枪"),
        ],
        trade: ("Medical", "医疗"),
        unit: ("boxes", "盒"),
    },
    CategoryWords {
        slug: "food",
        name: ("Food", "食品"),
        sections: &[
            ("food", ("Food", "食品")),
            ("tea-coffee", ("Tea & Coffee", "茶叶及咖啡")),
            (
                "rural-revitalization",
                ("Rural Revitalization Products", "乡村振兴特色产品"),
            ),
        ],
        products: &[
            ("Green Tea", "绿茶"),
            ("Dried Shiitake Mushrooms", "干香菇"),
            ("Canned Peaches", "黄桃罐头"),
            ("Rice Noodles", "米粉"),
            ("Roasted Coffee Beans", "烘焙咖啡豆"),
        ],
        trade: ("Foods", "食品"),
        unit: ("cartons", "箱"),
    },
];
