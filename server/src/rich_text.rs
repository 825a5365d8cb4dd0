//! Rich text as exhibitors write it (a booth's description): the HTML kept, cleaned of
//! everything but a short allow-list of tags (ammonia), and its plain text for meta
//! descriptions and search.

use std::collections::HashSet;

/// The HTML with only paragraphs, line breaks, emphasis, lists, small headings, quotes and
/// http(s)/mailto links left; links open without handing the page to the target.
pub fn sanitise(html: &str) -> String {
    let tags: HashSet<&str> = [
        "p",
        "br",
        "strong",
        "em",
        "b",
        "i",
        "u",
        "ul",
        "ol",
        "li",
        "h3",
        "h4",
        "blockquote",
        "a",
    ]
    .into_iter()
    .collect();
    let schemes: HashSet<&str> = ["http", "https", "mailto"].into_iter().collect();
    ammonia::Builder::default()
        .tags(tags)
        .url_schemes(schemes)
        .link_rel(Some("noopener noreferrer nofollow"))
        .clean(html)
        .to_string()
}

/// The text of sanitised HTML, for meta descriptions and search: tags become spaces,
/// entities are decoded, whitespace is collapsed.
pub fn plain_text(html: &str) -> String {
    let mut text = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                text.push(' ');
            }
            _ if !in_tag => text.push(c),
            _ => {}
        }
    }
    let decoded = text
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&nbsp;", " ")
        .replace("&amp;", "&");
    decoded.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scripts_handlers_and_odd_links_are_removed() {
        let dirty = r#"<p onclick="x()">Hi <script>alert(1)</script><a href="javascript:alert(1)">a</a> <a href="https://ex.com">b</a><img src=x onerror=alert(1)><iframe></iframe></p>"#;
        let clean = sanitise(dirty);
        assert_eq!(
            clean,
            r#"<p>Hi <a rel="noopener noreferrer nofollow">a</a> <a href="https://ex.com" rel="noopener noreferrer nofollow">b</a></p>"#
        );
    }

    #[test]
    fn plain_text_reads_like_the_page() {
        assert_eq!(
            plain_text("<p>LED &amp; solar</p><ul><li>CE</li><li>RoHS</li></ul>"),
            "LED & solar CE RoHS"
        );
    }
}
