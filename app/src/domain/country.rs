//! The countries exhibitors and buyers come from, by ISO 3166-1 alpha-2 code.

use crate::i18n::Locale;
use serde::{Deserialize, Serialize};

/// An ISO 3166-1 alpha-2 code known to the fair.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct CountryCode([u8; 2]);

/// Code, English name, Chinese name.
pub const COUNTRIES: &[(&str, &str, &str)] = &[
    ("AE", "United Arab Emirates", "阿联酋"),
    ("AR", "Argentina", "阿根廷"),
    ("AU", "Australia", "澳大利亚"),
    ("BD", "Bangladesh", "孟加拉国"),
    ("BR", "Brazil", "巴西"),
    ("CA", "Canada", "加拿大"),
    ("CL", "Chile", "智利"),
    ("CN", "China", "中国"),
    ("DE", "Germany", "德国"),
    ("EG", "Egypt", "埃及"),
    ("ES", "Spain", "西班牙"),
    ("FR", "France", "法国"),
    ("GB", "United Kingdom", "英国"),
    ("HK", "Hong Kong, China", "中国香港"),
    ("ID", "Indonesia", "印度尼西亚"),
    ("IN", "India", "印度"),
    ("IT", "Italy", "意大利"),
    ("JP", "Japan", "日本"),
    ("KE", "Kenya", "肯尼亚"),
    ("KR", "South Korea", "韩国"),
    ("MX", "Mexico", "墨西哥"),
    ("MY", "Malaysia", "马来西亚"),
    ("NG", "Nigeria", "尼日利亚"),
    ("NL", "Netherlands", "荷兰"),
    ("PK", "Pakistan", "巴基斯坦"),
    ("PL", "Poland", "波兰"),
    ("RU", "Russia", "俄罗斯"),
    ("SA", "Saudi Arabia", "沙特阿拉伯"),
    ("SG", "Singapore", "新加坡"),
    ("TH", "Thailand", "泰国"),
    ("TR", "Türkiye", "土耳其"),
    ("TW", "Taiwan, China", "中国台湾"),
    ("US", "United States", "美国"),
    ("VN", "Viet Nam", "越南"),
    ("ZA", "South Africa", "南非"),
];

impl CountryCode {
    /// Parses a code the fair knows, in any case.
    pub fn parse(s: &str) -> Option<Self> {
        let upper = s.trim().to_ascii_uppercase();
        COUNTRIES
            .iter()
            .find(|(code, _, _)| *code == upper)
            .map(|(code, _, _)| Self([code.as_bytes()[0], code.as_bytes()[1]]))
    }

    pub fn as_str(&self) -> &str {
        std::str::from_utf8(&self.0).unwrap_or("??")
    }

    /// The country's name in `locale`.
    pub fn name(&self, locale: Locale) -> &'static str {
        let entry = COUNTRIES.iter().find(|(code, _, _)| *code == self.as_str());
        match (entry, locale) {
            (Some((_, _, zh)), Locale::zh) => zh,
            (Some((_, en, _)), _) => en,
            (None, _) => "—",
        }
    }

    /// Every known country, in table order.
    pub fn all() -> impl Iterator<Item = CountryCode> {
        COUNTRIES
            .iter()
            .filter_map(|(code, _, _)| CountryCode::parse(code))
    }
}

impl TryFrom<String> for CountryCode {
    type Error = String;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        CountryCode::parse(&s).ok_or_else(|| format!("unknown country code {s:?}"))
    }
}

impl From<CountryCode> for String {
    fn from(c: CountryCode) -> String {
        c.as_str().to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn knows_codes_and_names() {
        let cn = CountryCode::parse("cn").unwrap();
        assert_eq!(cn.as_str(), "CN");
        assert_eq!(cn.name(Locale::zh), "中国");
        assert_eq!(cn.name(Locale::en), "China");
        assert_eq!(CountryCode::parse("XX"), None);
        assert_eq!(CountryCode::parse("CHN"), None);
        assert_eq!(CountryCode::all().count(), COUNTRIES.len());
    }
}
