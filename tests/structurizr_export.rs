//! Structurizr DSL export of seafood, checked against the subset of the DSL grammar it writes
//! (the official parser, structurizr-cli, is a Java program not published on any registry this
//! project can install from; `docs/structurizr.md` records the manual `validate` check):
//! every line is one known statement, braces balance, strings are quoted and escaped,
//! identifiers are unique and defined before relationships use them.

use std::collections::BTreeSet;
use std::path::Path;
use std::process::Command;

use switchboard::export::structurizr::structurizr_text;
use switchboard::model::Landscape;

const SEAFOOD: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/seafood.ron");

fn seafood() -> Landscape {
    switchboard::file::load_path(Path::new(SEAFOOD)).expect("seafood loads")
}

/// A token: a quoted string (unescaped) or a bare word.
#[derive(Debug, Clone, PartialEq)]
enum Token {
    Text(String),
    Word(String),
}

/// Splits a line into tokens; an unterminated string or a bad escape is an error.
fn tokens(line: &str) -> Result<Vec<Token>, String> {
    let mut out = Vec::new();
    let mut chars = line.trim().chars().peekable();
    while let Some(&c) = chars.peek() {
        if c.is_whitespace() {
            chars.next();
        } else if c == '"' {
            chars.next();
            let mut text = String::new();
            loop {
                match chars.next() {
                    Some('"') => break,
                    Some('\\') => match chars.next() {
                        Some(e @ ('"' | '\\')) => text.push(e),
                        other => return Err(format!("bad escape {other:?} in {line}")),
                    },
                    Some(ch) => text.push(ch),
                    None => return Err(format!("unterminated string in {line}")),
                }
            }
            out.push(Token::Text(text));
        } else {
            let mut word = String::new();
            while let Some(&ch) = chars.peek() {
                if ch.is_whitespace() || ch == '"' {
                    break;
                }
                word.push(ch);
                chars.next();
            }
            out.push(Token::Word(word));
        }
    }
    Ok(out)
}

fn is_identifier(word: &str) -> bool {
    !word.is_empty()
        && word
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
}

/// Checks the grammar; returns (elements, relationships, groups).
fn check(dsl: &str) -> Result<(usize, usize, usize), String> {
    use Token::{Text, Word};
    let mut depth = 0usize;
    let mut defined = BTreeSet::new();
    let (mut elements, mut relationships, mut groups) = (0, 0, 0);
    for (number, line) in dsl.lines().enumerate() {
        let at = format!("line {}: {line}", number + 1);
        if line.trim_start().starts_with('#') {
            continue;
        }
        let t = tokens(line)?;
        let w = |s: &str| Word(s.to_owned());
        let opens = t.last() == Some(&w("{"));
        let ok = match t.as_slice() {
            [Word(k), Text(_), Text(_), _] if k == "workspace" && opens && depth == 0 => true,
            [Word(k), _]
                if ["model", "views", "styles", "properties"].contains(&k.as_str()) && opens =>
            {
                true
            }
            [Word(k), Text(_), _] if k == "group" && opens => {
                groups += 1;
                true
            }
            [Word(id), Word(eq), Word(k), Text(_), Text(_), _]
                if eq == "=" && k == "softwareSystem" && opens =>
            {
                if !is_identifier(id) || !defined.insert(id.clone()) {
                    return Err(format!("{at}: bad or repeated identifier"));
                }
                elements += 1;
                true
            }
            [Word(k), Text(tags)] if k == "tags" => !tags.split(',').any(str::is_empty),
            [Text(_), Text(_)] => true,
            [Word(from), Word(arrow), Word(to), Text(_), Text(_), Text(_)] if arrow == "->" => {
                if !defined.contains(from) || !defined.contains(to) {
                    return Err(format!("{at}: undefined identifier"));
                }
                relationships += 1;
                true
            }
            [Word(k), Text(_), _]
                if ["systemLandscape", "element", "relationship"].contains(&k.as_str())
                    && opens =>
            {
                true
            }
            [Word(k), Word(v)] if k == "include" && v == "*" => true,
            [Word(k), Word(v)] if k == "autoLayout" && ["lr", "tb"].contains(&v.as_str()) => true,
            [Word(k), Word(v)]
                if (k == "background" || k == "color") && v.starts_with('#') && v.len() == 7 =>
            {
                true
            }
            [Word(k), Word(v)] if k == "shape" && v == "RoundedBox" => true,
            [Word(k), Word(v)] if k == "dashed" && (v == "true" || v == "false") => true,
            [Word(close)] if close == "}" => {
                depth = depth.checked_sub(1).ok_or(format!("{at}: unbalanced"))?;
                true
            }
            _ => false,
        };
        if !ok {
            return Err(format!("{at}: not a statement of the DSL"));
        }
        if opens {
            depth += 1;
        }
    }
    if depth != 0 {
        return Err(format!("{depth} unclosed blocks"));
    }
    Ok((elements, relationships, groups))
}

#[test]
fn seafood_workspace_follows_the_dsl_grammar_with_every_system_flow_and_group() {
    let landscape = seafood();
    let dsl = structurizr_text(&landscape);
    let (elements, relationships, groups) = check(&dsl).expect("valid DSL");
    assert_eq!(elements, landscape.systems.len());
    let mut pairs = 0;
    for flow in &landscape.flows {
        let target = landscape.flow_target_system(flow).expect("target");
        pairs += landscape
            .flow_source_systems(flow)
            .iter()
            .filter(|s| s.as_str() != target)
            .count();
    }
    assert_eq!(relationships, pairs);
    let distinct: BTreeSet<&str> = landscape
        .systems
        .iter()
        .filter_map(|s| s.group.as_deref())
        .collect();
    assert_eq!(groups, distinct.len());
    let erp = landscape.system("ERP").expect("ERP");
    let owner = erp.owner.clone().expect("ERP has an owner");
    assert!(dsl.contains(&format!("tags \"owner:{owner}")), "{dsl}");
    assert!(dsl.contains("\"daily 23:00\""), "{dsl}");
}

#[test]
fn the_checker_rejects_what_structurizr_rejects() {
    for bad in [
        "workspace \"a\" \"b\" {\n    model {\n        x -> y \"d\" \"t\" \"batch\"\n    }\n}\n",
        "workspace \"a\" \"b\" {\n    model {\n",
        "workspace \"a\" \"b\" {\n    model {\n        a = softwareSystem \"A\" \"\" {\n        }\n        a = softwareSystem \"B\" \"\" {\n        }\n    }\n}\n",
        "workspace \"a \"b\" {\n}\n",
    ] {
        assert!(check(bad).is_err(), "{bad}");
    }
}

#[test]
fn names_with_quotes_and_backslashes_are_escaped() {
    let mut landscape = seafood();
    landscape.systems[0].name = "The \"big\" \\ one".to_owned();
    landscape.systems[0].group = Some("Odd, \"group\"".to_owned());
    let dsl = structurizr_text(&landscape);
    check(&dsl).expect("valid DSL");
    assert!(dsl.contains("\"The \\\"big\\\" \\\\ one\""), "{dsl}");
}

#[test]
fn the_cli_writes_the_workspace() {
    let dir = tempfile::tempdir().expect("temp dir");
    let output = Command::new(env!("CARGO_BIN_EXE_switchboard"))
        .args(["export", "structurizr", SEAFOOD, "--out"])
        .arg(dir.path())
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    let dsl =
        std::fs::read_to_string(dir.path().join("structurizr/workspace.dsl")).expect("written");
    assert_eq!(dsl, structurizr_text(&seafood()));
}
