//! The layers of `src/` run one way: a module uses only modules below it. This reads the source
//! (outside `#[cfg(test)]` sections and comments), collects each top-level module's
//! `crate::MODULE` references, and fails on one that points up or sideways, or on a module the
//! table does not place yet (place it when you add it; shared/DESIGN.md draws the same picture).

use std::collections::BTreeSet;
use std::path::Path;

/// Each top-level module's layer; a module may use only modules of a lower layer.
const LAYERS: &[(&str, u8)] = &[
    // pure data
    ("error", 0),
    ("item", 1),
    ("schema", 2),
    ("definition", 3),
    ("input", 2),
    ("expr", 3),
    ("partiql", 3),
    ("condition", 4),
    ("update", 4),
    // where requests go, and the connection
    ("target", 5),
    ("engine", 6),
    ("schema_cache", 6),
    ("client", 7),
    // mechanisms the commands use
    ("paginate", 8),
    ("output", 8),
    ("batch", 8),
    ("stream", 8),
    ("tables", 8),
    ("transfer", 9),
    ("serve", 10),
    ("bench", 10),
    ("ui", 10),
    // the command line
    ("commands", 11),
    ("cli", 12),
    // the shell runs command lines
    ("shell", 13),
];

fn layer(module: &str) -> Option<u8> {
    LAYERS.iter().find(|(m, _)| *m == module).map(|(_, l)| *l)
}

/// The `crate::X` modules a source text refers to, tests and comments left out.
fn references(text: &str) -> BTreeSet<String> {
    let code = text.split("#[cfg(test)]").next().unwrap_or("");
    let mut found = BTreeSet::new();
    for line in code.lines() {
        let line = line.split("//").next().unwrap_or("");
        let mut rest = line;
        while let Some(at) = rest.find("crate::") {
            rest = &rest[at + "crate::".len()..];
            if let Some(group) = rest.strip_prefix('{') {
                let inner = group.split('}').next().unwrap_or("");
                for part in inner.split(',') {
                    let name: String = part
                        .trim()
                        .chars()
                        .take_while(|c| c.is_alphanumeric() || *c == '_')
                        .collect();
                    if !name.is_empty() {
                        found.insert(name);
                    }
                }
            } else {
                let name: String = rest
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                found.insert(name);
            }
        }
    }
    found
}

fn sources(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn lower_layers_never_use_higher_ones() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    sources(&src, &mut files);
    let mut problems = Vec::new();
    for file in &files {
        let relative = file.strip_prefix(&src).unwrap();
        let top = relative
            .components()
            .next()
            .unwrap()
            .as_os_str()
            .to_str()
            .unwrap()
            .trim_end_matches(".rs")
            .to_string();
        if top == "main" || top == "lib" {
            continue;
        }
        let Some(own) = layer(&top) else {
            problems.push(format!(
                "{}: module {top} has no layer in LAYERS",
                relative.display()
            ));
            continue;
        };
        for used in references(&std::fs::read_to_string(file).unwrap()) {
            if used == top {
                continue;
            }
            match layer(&used) {
                Some(l) if l < own => {}
                Some(l) => problems.push(format!(
                    "{}: {top} (layer {own}) uses {used} (layer {l})",
                    relative.display()
                )),
                None => problems.push(format!(
                    "{}: {top} uses {used}, which has no layer",
                    relative.display()
                )),
            }
        }
    }
    assert!(
        problems.is_empty(),
        "layers broken:\n{}",
        problems.join("\n")
    );
    assert!(
        files.len() > 40,
        "read the whole tree: {} files",
        files.len()
    );
}

#[test]
fn references_are_found_in_every_form_and_not_in_comments() {
    let text = "use crate::client::Db;\nuse crate::{item, schema::KeySchema};\n// crate::cli in a comment\nlet x = crate::output::print();\n#[cfg(test)]\nuse crate::cli;\n";
    let found: Vec<String> = references(text).into_iter().collect();
    assert_eq!(found, ["client", "item", "output", "schema"]);
}
