//! No import circles between the server's modules. Each file under `server/src` is a module;
//! it depends on every module it names by `crate::…`, `super::…` or a child's name
//! (`socket::Follower` in `conversations/mod.rs`); a path resolves to the deepest module it
//! passes through. Tests inside a file (`#[cfg(test)] mod tests`) are left out: they may use
//! anything. The check fails with each circle it finds, spelled out module by module.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// `a::b` for `src/a/b.rs` and `src/a/b/mod.rs`; `crate` for `src/lib.rs`.
fn module_of(relative: &Path) -> String {
    let mut parts: Vec<String> = relative
        .iter()
        .map(|part| part.to_string_lossy().trim_end_matches(".rs").to_owned())
        .collect();
    if matches!(parts.last().map(String::as_str), Some("mod" | "lib")) {
        parts.pop();
    }
    if parts.is_empty() {
        "crate".to_owned()
    } else {
        parts.join("::")
    }
}

fn files(dir: &Path, found: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files(&path, found);
        } else if path.extension().is_some_and(|e| e == "rs") {
            found.push(path);
        }
    }
}

/// The code of a file without its comments and its test module.
fn code(text: &str) -> String {
    let text = match text.find("#[cfg(test)]\nmod tests") {
        Some(at) => &text[..at],
        None => text,
    };
    text.lines()
        .filter(|line| !line.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Every path written after `crate::` / `super::` (groups `{a, b::c}` expanded), as
/// segments, each starting from the crate's root.
fn paths_after(code: &str, prefix: &str, root: &[String], out: &mut Vec<Vec<String>>) {
    let mut rest = code;
    while let Some(at) = rest.find(prefix) {
        let before = rest[..at].chars().last();
        rest = &rest[at + prefix.len()..];
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == ':') {
            continue;
        }
        let (tree, _) = use_tree(rest);
        for path in tree {
            let mut full = root.to_vec();
            full.extend(path);
            out.push(full);
        }
    }
}

/// The paths of a use tree at the start of `text`: `a::b`, `a::{b, c::{d}}`, `{a, b}`.
fn use_tree(text: &str) -> (Vec<Vec<String>>, usize) {
    let mut segments = Vec::new();
    let mut at = 0;
    let bytes = text.as_bytes();
    loop {
        let start = at;
        while at < bytes.len() && (bytes[at].is_ascii_alphanumeric() || bytes[at] == b'_') {
            at += 1;
        }
        if at > start {
            segments.push(text[start..at].to_owned());
        }
        if text[at..].starts_with("::") {
            at += 2;
            continue;
        }
        if at < bytes.len() && bytes[at] == b'{' && at == start {
            at += 1;
            let mut paths = Vec::new();
            loop {
                while at < bytes.len() && (bytes[at] as char).is_whitespace()
                    || text[at..].starts_with(',')
                {
                    at += 1;
                }
                if at >= bytes.len() || bytes[at] == b'}' {
                    at += 1;
                    break;
                }
                let (inner, used) = use_tree(&text[at..]);
                if used == 0 {
                    at += 1;
                    continue;
                }
                at += used;
                for path in inner {
                    let mut full = segments.clone();
                    full.extend(path);
                    paths.push(full);
                }
            }
            if paths.is_empty() {
                paths.push(segments);
            }
            return (paths, at);
        }
        return (vec![segments], at);
    }
}

/// The deepest known module that `path` passes through.
fn resolve(path: &[String], modules: &BTreeSet<String>) -> Option<String> {
    (1..=path.len())
        .rev()
        .map(|n| path[..n].join("::"))
        .find(|m| modules.contains(m))
}

fn graph() -> BTreeMap<String, BTreeSet<String>> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut found = Vec::new();
    files(&src, &mut found);
    found.retain(|path| path.file_name().is_some_and(|name| name != "main.rs"));
    let modules: BTreeSet<String> = found
        .iter()
        .map(|p| module_of(p.strip_prefix(&src).unwrap()))
        .collect();
    let mut edges: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for path in &found {
        let module = module_of(path.strip_prefix(&src).unwrap());
        let segments: Vec<String> = if module == "crate" {
            Vec::new()
        } else {
            module.split("::").map(str::to_owned).collect()
        };
        let parent = segments[..segments.len().saturating_sub(1)].to_vec();
        let code = code(&std::fs::read_to_string(path).unwrap());
        let mut paths = Vec::new();
        paths_after(&code, "crate::", &[], &mut paths);
        paths_after(&code, "super::", &parent, &mut paths);
        paths_after(&code, "self::", &segments, &mut paths);
        // A child named by itself: `mod socket;` and then `socket::Follower`.
        for line in code.lines().map(str::trim) {
            let declared = line
                .strip_prefix("pub ")
                .unwrap_or(line)
                .strip_prefix("pub(crate) ")
                .unwrap_or(line);
            let Some(name) = declared
                .strip_prefix("mod ")
                .and_then(|rest| rest.strip_suffix(';'))
            else {
                continue;
            };
            let mut child = segments.clone();
            child.push(name.to_owned());
            paths_after(&code, &format!("{name}::"), &child, &mut paths);
        }
        // A module brought in by `use` and named by itself: `use crate::conversations;`, then
        // `conversations::socket::upgrade`.
        let imported: BTreeSet<Vec<String>> = paths
            .iter()
            .map(|path| {
                path.iter()
                    .filter(|s| *s != "self")
                    .cloned()
                    .collect::<Vec<_>>()
            })
            .filter(|path| !path.is_empty() && modules.contains(&path.join("::")))
            .collect();
        for module_path in imported {
            let name = module_path.last().unwrap().clone();
            paths_after(&code, &format!("{name}::"), &module_path, &mut paths);
        }
        for target in paths.iter().filter_map(|p| resolve(p, &modules)) {
            if target != module && target != "crate" {
                edges.entry(module.clone()).or_default().insert(target);
            }
        }
    }
    edges
}

/// The circles of `edges`: strongly connected groups of more than one module (Tarjan).
fn circles(edges: &BTreeMap<String, BTreeSet<String>>) -> Vec<Vec<String>> {
    struct Walk<'a> {
        edges: &'a BTreeMap<String, BTreeSet<String>>,
        index: BTreeMap<&'a str, usize>,
        low: BTreeMap<&'a str, usize>,
        stack: Vec<&'a str>,
        on_stack: BTreeSet<&'a str>,
        found: Vec<Vec<String>>,
    }
    impl<'a> Walk<'a> {
        fn visit(&mut self, node: &'a str) {
            let n = self.index.len();
            self.index.insert(node, n);
            self.low.insert(node, n);
            self.stack.push(node);
            self.on_stack.insert(node);
            for next in self.edges.get(node).into_iter().flatten() {
                let next = next.as_str();
                if !self.index.contains_key(next) {
                    self.visit(next);
                    let low = self.low[node].min(self.low[next]);
                    self.low.insert(node, low);
                } else if self.on_stack.contains(next) {
                    let low = self.low[node].min(self.index[next]);
                    self.low.insert(node, low);
                }
            }
            if self.low[node] == self.index[node] {
                let mut group = Vec::new();
                while let Some(top) = self.stack.pop() {
                    self.on_stack.remove(top);
                    group.push(top.to_owned());
                    if top == node {
                        break;
                    }
                }
                if group.len() > 1 {
                    group.sort();
                    self.found.push(group);
                }
            }
        }
    }
    let mut walk = Walk {
        edges,
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        on_stack: BTreeSet::new(),
        found: Vec::new(),
    };
    for node in edges.keys() {
        if !walk.index.contains_key(node.as_str()) {
            walk.visit(node);
        }
    }
    walk.found
}

#[test]
fn the_checker_reads_use_trees_and_finds_circles() {
    let (paths, _) = use_tree("media::{MediaStore, imaging::{self, ImageKind}, pdf};");
    let spelled: Vec<String> = paths.iter().map(|p| p.join("::")).collect();
    assert_eq!(
        spelled,
        [
            "media::MediaStore",
            "media::imaging::self",
            "media::imaging::ImageKind",
            "media::pdf"
        ]
    );
    let edges: BTreeMap<String, BTreeSet<String>> =
        [("a", "b"), ("b", "c"), ("c", "a"), ("c", "d")]
            .into_iter()
            .fold(BTreeMap::new(), |mut edges, (from, to)| {
                edges
                    .entry(from.to_owned())
                    .or_default()
                    .insert(to.to_owned());
                edges
            });
    assert_eq!(circles(&edges), [["a", "b", "c"]]);
    let graph = graph();
    assert!(
        graph["http::routes"].contains("conversations::socket"),
        "{:?}",
        graph["http::routes"]
    );
    assert!(graph["conversations::socket"].contains("http::extract"));
}

#[test]
fn no_module_of_the_server_imports_itself_in_a_circle() {
    let graph = graph();
    let found = circles(&graph);
    let spelled: Vec<String> = found
        .iter()
        .map(|group| {
            let members: BTreeSet<&String> = group.iter().collect();
            let inside: Vec<String> = group
                .iter()
                .flat_map(|from| {
                    graph[from]
                        .iter()
                        .filter(|to| members.contains(to))
                        .map(move |to| format!("{from} → {to}"))
                })
                .collect();
            inside.join(", ")
        })
        .collect();
    assert!(found.is_empty(), "import circles:\n{}", spelled.join("\n"));
}
