//! The line-based reader of Mermaid flowcharts (`exports.md` §5.2): nodes, arrows and their
//! labels with line numbers, plus a diagnostic for everything it does not understand.
//!
//! It scans each line once, left to right, without recursion, so deep nesting and huge inputs
//! cost linear time and constant stack. Diagnostics quote at most [`QUOTE_CHARS`] characters of
//! a line, and at most [`MAX_DIAGNOSTICS`] are kept (then one summary), so their size is bounded.
//!
//! Depends on `export::mermaid_text` (entity decoding and reserved ids) and `export::output`.

use std::collections::BTreeMap;

use crate::export::Diagnostic;
use crate::export::mermaid_text::{RESERVED_IDS, decode_entities};

use super::codes;

/// How many characters of an offending line a diagnostic quotes.
pub const QUOTE_CHARS: usize = 120;
/// How many diagnostics are kept before the rest are summarised in one.
pub const MAX_DIAGNOSTICS: usize = 1000;

/// A node as declared in the diagram.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParsedNode {
    pub id: String,
    /// The first label and the line it is on.
    pub label: Option<(String, usize)>,
    /// The line where the node first appears.
    pub line: usize,
}

/// One arrow `from --> to`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParsedEdge {
    pub from: String,
    pub to: String,
    pub label: Option<String>,
    pub line: usize,
}

/// Everything read from a diagram.
#[derive(Debug, Clone, Default)]
pub struct ParsedDiagram {
    /// Nodes in order of first appearance.
    pub nodes: Vec<ParsedNode>,
    pub edges: Vec<ParsedEdge>,
    pub diagnostics: Vec<Diagnostic>,
}

/// A node reference inside a statement.
struct NodeRef {
    id: String,
    label: Option<String>,
}

/// Reads a diagram. Never panics.
pub fn parse_diagram(text: &str) -> ParsedDiagram {
    let mut reader = Reader::default();
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    for (index, raw) in text.split('\n').enumerate() {
        reader.line(index + 1, raw);
    }
    if !reader.header_seen {
        reader.diagnostic(
            codes::MISSING_HEADER,
            1,
            "expected 'graph' or 'flowchart' header: the diagram is empty".to_owned(),
        );
    }
    reader.finish()
}

#[derive(Default)]
struct Reader {
    header_seen: bool,
    node_index: BTreeMap<String, usize>,
    diagram: ParsedDiagram,
    dropped: usize,
}

impl Reader {
    fn line(&mut self, number: usize, raw: &str) {
        let mut line = raw.trim();
        while let Some(stripped) = line.strip_suffix(';') {
            line = stripped.trim_end();
        }
        if line.is_empty() || line.starts_with("%%") {
            return;
        }
        let first_word = line
            .split(|c: char| c.is_whitespace() || c == ';')
            .next()
            .unwrap_or("");
        let is_header_word = first_word == "graph" || first_word == "flowchart";
        if !self.header_seen {
            self.header_seen = true;
            if is_header_word {
                self.header(number, line);
                return;
            }
            self.diagnostic(
                codes::MISSING_HEADER,
                number,
                format!("expected 'graph' or 'flowchart' header: {}", quote(line)),
            );
        } else if is_header_word {
            self.unsupported(number, "a second header", line);
            return;
        }
        if RESERVED_IDS.contains(&first_word) {
            self.unsupported(number, first_word, line);
            return;
        }
        match parse_statement(line) {
            Ok((nodes, labels)) => self.statement(number, nodes, labels),
            Err(reason) => self.unsupported(number, reason, line),
        }
    }

    fn header(&mut self, number: usize, line: &str) {
        let words: Vec<&str> = line.split_whitespace().collect();
        let direction_ok = match words.as_slice() {
            [_] => true,
            [_, direction] => ["LR", "RL", "TD", "TB", "BT"].contains(direction),
            _ => false,
        };
        if !direction_ok {
            self.unsupported(number, "header direction", line);
        }
    }

    fn statement(&mut self, number: usize, nodes: Vec<NodeRef>, labels: Vec<Option<String>>) {
        let mut ids = Vec::with_capacity(nodes.len());
        for node in nodes {
            self.node(number, &node);
            ids.push(node.id);
        }
        for (pair, label) in ids.windows(2).zip(labels) {
            if let [from, to] = pair {
                self.diagram.edges.push(ParsedEdge {
                    from: from.clone(),
                    to: to.clone(),
                    label,
                    line: number,
                });
            }
        }
    }

    fn node(&mut self, number: usize, node: &NodeRef) {
        let index = if let Some(index) = self.node_index.get(&node.id) {
            *index
        } else {
            self.diagram.nodes.push(ParsedNode {
                id: node.id.clone(),
                label: None,
                line: number,
            });
            let index = self.diagram.nodes.len() - 1;
            self.node_index.insert(node.id.clone(), index);
            index
        };
        let Some(label) = &node.label else {
            return;
        };
        let conflict = match &mut self.diagram.nodes[index].label {
            slot @ None => {
                *slot = Some((label.clone(), number));
                None
            }
            Some((first, first_line)) if first != label => Some((first.clone(), *first_line)),
            Some(_) => None,
        };
        if let Some((first, first_line)) = conflict {
            self.diagnostic(
                codes::LABEL_CONFLICT,
                number,
                format!(
                    "node {} is labelled \"{}\" on line {first_line} and \"{}\" on line {number}; keeping the first",
                    node.id,
                    truncate(&first),
                    truncate(label)
                ),
            );
        }
    }

    fn unsupported(&mut self, number: usize, reason: &str, line: &str) {
        self.diagnostic(
            codes::UNSUPPORTED,
            number,
            format!("unsupported syntax ({reason}): {}", quote(line)),
        );
    }

    fn diagnostic(&mut self, code: &'static str, line: usize, message: String) {
        if self.diagram.diagnostics.len() < MAX_DIAGNOSTICS {
            self.diagram.diagnostics.push(Diagnostic {
                code,
                flow: None,
                line: Some(line),
                message,
            });
        } else {
            self.dropped += 1;
        }
    }

    fn finish(mut self) -> ParsedDiagram {
        if self.dropped > 0 {
            let line = self
                .diagram
                .diagnostics
                .last()
                .and_then(|d| d.line)
                .unwrap_or(1);
            self.diagram.diagnostics.push(Diagnostic {
                code: codes::TOO_MANY,
                flow: None,
                line: Some(line),
                message: format!(
                    "{} more diagnostics after this line not shown",
                    self.dropped
                ),
            });
        }
        self.diagram
    }
}

fn truncate(text: &str) -> String {
    if text.chars().count() <= QUOTE_CHARS {
        text.to_owned()
    } else {
        let mut short: String = text.chars().take(QUOTE_CHARS).collect();
        short.push('…');
        short
    }
}

fn quote(line: &str) -> String {
    truncate(line)
}

/// A cursor over one statement line.
struct Cursor<'a> {
    text: &'a str,
    pos: usize,
}

impl<'a> Cursor<'a> {
    fn rest(&self) -> &'a str {
        &self.text[self.pos..]
    }

    fn skip_space(&mut self) {
        let rest = self.rest();
        self.pos += rest.len() - rest.trim_start().len();
    }

    fn eat(&mut self, token: &str) -> bool {
        if self.rest().starts_with(token) {
            self.pos += token.len();
            true
        } else {
            false
        }
    }

    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.pos).copied()
    }
}

/// Parses `node (arrow node)*` into the nodes and the label of each arrow.
fn parse_statement(line: &str) -> Result<(Vec<NodeRef>, Vec<Option<String>>), &'static str> {
    let mut cursor = Cursor { text: line, pos: 0 };
    let mut nodes = vec![parse_node(&mut cursor)?];
    let mut labels = Vec::new();
    loop {
        cursor.skip_space();
        if cursor.peek().is_none() {
            return Ok((nodes, labels));
        }
        labels.push(parse_arrow(&mut cursor)?);
        cursor.skip_space();
        nodes.push(parse_node(&mut cursor)?);
    }
}

fn parse_node(cursor: &mut Cursor<'_>) -> Result<NodeRef, &'static str> {
    let rest = cursor.rest();
    let id_len = rest
        .bytes()
        .take_while(|b| b.is_ascii_alphanumeric() || *b == b'_')
        .count();
    if id_len == 0 {
        return Err(if rest.starts_with('&') {
            "'&' groups"
        } else {
            "expected a node id of letters, digits and '_'"
        });
    }
    let id = rest[..id_len].to_owned();
    cursor.pos += id_len;
    if RESERVED_IDS.contains(&id.as_str()) {
        return Err("a Mermaid keyword as node id");
    }
    let label = match cursor.peek() {
        Some(b'[') => Some(parse_box_label(cursor)?),
        Some(b'(' | b'{' | b'>') => return Err("node shape other than [label]"),
        Some(b':') => return Err("':::' classes"),
        Some(b'&') => return Err("'&' groups"),
        _ => None,
    };
    Ok(NodeRef { id, label })
}

/// `[Label]` or `["Label"]`; other bracket shapes are unsupported.
fn parse_box_label(cursor: &mut Cursor<'_>) -> Result<String, &'static str> {
    cursor.pos += 1;
    if matches!(cursor.peek(), Some(b'[' | b'(' | b'/' | b'\\')) {
        return Err("node shape other than [label]");
    }
    if cursor.eat("\"") {
        let rest = cursor.rest();
        let end = rest.find('"').ok_or("unterminated quoted label")?;
        let label = decode_entities(&rest[..end]);
        cursor.pos += end + 1;
        if !cursor.eat("]") {
            return Err("expected ']' after the quoted label");
        }
        return Ok(label);
    }
    let rest = cursor.rest();
    let end = rest.find(']').ok_or("unterminated label")?;
    let raw = &rest[..end];
    if raw.contains(['[', '"', '(', ')', '{', '}']) {
        return Err("special characters in an unquoted label");
    }
    cursor.pos += end + 1;
    Ok(decode_entities(raw.trim()))
}

/// `-->`, `-->|label|`, `-->|"label"|` or `-- label -->`.
fn parse_arrow(cursor: &mut Cursor<'_>) -> Result<Option<String>, &'static str> {
    if cursor.eat("-->") {
        if matches!(cursor.peek(), Some(b'-' | b'>')) {
            return Err("arrow other than '-->'");
        }
        cursor.skip_space();
        if !cursor.eat("|") {
            return Ok(None);
        }
        let rest = cursor.rest();
        let end = rest.find('|').ok_or("unterminated '|label|'")?;
        cursor.pos += end + 1;
        return Ok(arrow_label(&rest[..end]));
    }
    if cursor.eat("--") && cursor.peek().is_some_and(|b| b == b' ' || b == b'\t') {
        let rest = cursor.rest();
        let end = rest.find("-->").ok_or("arrow other than '-->'")?;
        let raw = &rest[..end];
        if raw.trim().is_empty() || raw.contains("--") {
            return Err("arrow other than '-->'");
        }
        cursor.pos += end + 3;
        if matches!(cursor.peek(), Some(b'-' | b'>')) {
            return Err("arrow other than '-->'");
        }
        return Ok(arrow_label(raw));
    }
    Err(if cursor.rest().starts_with('&') {
        "'&' groups"
    } else if cursor.rest().starts_with(":::") {
        "':::' classes"
    } else {
        "arrow other than '-->'"
    })
}

fn arrow_label(raw: &str) -> Option<String> {
    let trimmed = raw.trim();
    let inner = trimmed
        .strip_prefix('"')
        .and_then(|t| t.strip_suffix('"'))
        .unwrap_or(trimmed);
    (!inner.is_empty()).then(|| decode_entities(inner))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statements_with_chains_and_inline_nodes_become_edges() {
        let parsed = parse_diagram(
            "graph LR\n  A[Alpha] --> B -->|\"x, every 5m\"| C[\"C #quot;3#quot;\"];\n  C -- note --> A\n",
        );
        assert!(parsed.diagnostics.is_empty(), "{:?}", parsed.diagnostics);
        let ids: Vec<&str> = parsed.nodes.iter().map(|n| n.id.as_str()).collect();
        assert_eq!(ids, ["A", "B", "C"]);
        assert_eq!(parsed.nodes[2].label, Some(("C \"3\"".to_owned(), 2)));
        let edges: Vec<(&str, &str, Option<&str>, usize)> = parsed
            .edges
            .iter()
            .map(|e| (e.from.as_str(), e.to.as_str(), e.label.as_deref(), e.line))
            .collect();
        assert_eq!(
            edges,
            [
                ("A", "B", None, 2),
                ("B", "C", Some("x, every 5m"), 2),
                ("C", "A", Some("note"), 3)
            ]
        );
    }

    #[test]
    fn unsupported_lines_are_reported_with_their_numbers_and_the_rest_is_kept() {
        let parsed = parse_diagram(
            "flowchart TD\nsubgraph one\nA --> B\nend\nA -.-> B\nA --- B\nB((round))\nA & B --> C\nstyle A fill:#f9f\nA:::warm --> C\n",
        );
        let lines: Vec<usize> = parsed.diagnostics.iter().filter_map(|d| d.line).collect();
        assert_eq!(lines, [2, 4, 5, 6, 7, 8, 9, 10]);
        assert!(
            parsed
                .diagnostics
                .iter()
                .all(|d| d.code == codes::UNSUPPORTED)
        );
        assert_eq!(parsed.edges.len(), 1);
    }

    #[test]
    fn a_missing_header_is_an_error_on_the_first_statement_line() {
        let parsed = parse_diagram("%% comment\n\nA --> B\n");
        assert_eq!(parsed.diagnostics.len(), 1);
        assert_eq!(parsed.diagnostics[0].code, codes::MISSING_HEADER);
        assert_eq!(parsed.diagnostics[0].line, Some(3));
        assert_eq!(parsed.edges.len(), 1);
    }

    #[test]
    fn a_second_different_label_is_a_warning_naming_both_lines() {
        let parsed = parse_diagram("graph\nA[One]\nA[One]\nA[Two]\n");
        assert_eq!(parsed.diagnostics.len(), 1);
        assert_eq!(parsed.diagnostics[0].code, codes::LABEL_CONFLICT);
        assert!(parsed.diagnostics[0].message.contains("line 2"));
        assert_eq!(parsed.diagnostics[0].line, Some(4));
    }
}
