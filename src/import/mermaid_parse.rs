//! The line-based reader of Mermaid flowcharts (`exports.md` §5.2) as people write them: the
//! header in any direction, statements split at `;`, node chains with `&` groups and links of
//! every kind (read by `mermaid_lex`), `subgraph … end` blocks (nested ones as a dotted path),
//! and styling or interaction lines (`classDef`, `class`, `style`, `linkStyle`, `click`,
//! `direction`, `%%{init}%%`, front matter) read and ignored with an information diagnostic.
//!
//! It reads each line once, left to right, without recursion, so deep nesting and huge inputs
//! cost linear time and constant stack (the lexer is linear too). Diagnostics quote at most
//! [`QUOTE_CHARS`] characters of a line, and at most [`MAX_DIAGNOSTICS`] are kept (then one
//! summary), so their size is bounded.
//!
//! Depends on `export::mermaid_text` (reserved ids), `export::output` and
//! `import::{codes, mermaid_lex}`.

use std::collections::{BTreeMap, BTreeSet};

use crate::export::Diagnostic;
use crate::export::mermaid_text::RESERVED_IDS;

use super::codes;
use super::mermaid_lex::{Ends, Lexer, LinkToken, NodeToken, Shape, Stroke, clean_label};

/// How many characters of an offending line a diagnostic quotes.
pub const QUOTE_CHARS: usize = 120;
/// How many diagnostics are kept before the rest are summarised in one.
pub const MAX_DIAGNOSTICS: usize = 1000;
/// The separator of nested subgraph titles in a group path.
pub const GROUP_SEPARATOR: &str = ".";

/// Statements that style or script the drawing; read and ignored.
const STYLING_WORDS: [&str; 8] = [
    "classDef",
    "class",
    "style",
    "linkStyle",
    "click",
    "direction",
    "accTitle",
    "accDescr",
];

/// A node as declared in the diagram.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParsedNode {
    pub id: String,
    /// The first label and the line it is on.
    pub label: Option<(String, usize)>,
    /// The first shape given.
    pub shape: Option<Shape>,
    /// The path of the subgraph the node is first mentioned in (`Outer.Inner`).
    pub group: Option<String>,
    /// The line where the node first appears.
    pub line: usize,
}

/// One link `from --> to`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParsedEdge {
    pub from: String,
    pub to: String,
    pub label: Option<String>,
    pub line: usize,
    pub stroke: Stroke,
    pub ends: Ends,
}

/// Everything read from a diagram.
#[derive(Debug, Clone, Default)]
pub struct ParsedDiagram {
    /// Nodes in order of first appearance.
    pub nodes: Vec<ParsedNode>,
    pub edges: Vec<ParsedEdge>,
    /// The ids of every subgraph (links may name them).
    pub subgraphs: BTreeSet<String>,
    pub diagnostics: Vec<Diagnostic>,
}

/// Reads a diagram. Never panics.
pub fn parse_diagram(text: &str) -> ParsedDiagram {
    let mut reader = Reader::default();
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut last_line = 1;
    for (index, raw) in text.split('\n').enumerate() {
        last_line = index + 1;
        reader.line(last_line, raw);
    }
    if !reader.header_seen {
        reader.diagnostic(
            codes::MISSING_HEADER,
            1,
            "expected 'graph' or 'flowchart' header: the diagram is empty".to_owned(),
        );
    }
    reader.finish(last_line)
}

/// Where the reader is in the front matter (`---` … `---` before the header).
#[derive(Default, PartialEq, Eq)]
enum FrontMatter {
    #[default]
    NotYet,
    Inside,
    Done,
}

#[derive(Default)]
struct Reader {
    header_seen: bool,
    front_matter: FrontMatter,
    /// Open subgraphs: (id, group path).
    subgraphs: Vec<(String, String)>,
    node_index: BTreeMap<String, usize>,
    diagram: ParsedDiagram,
    dropped: usize,
}

impl Reader {
    fn line(&mut self, number: usize, raw: &str) {
        let line = raw.trim();
        if self.front_matter(number, line) || line.is_empty() {
            return;
        }
        if line.starts_with("%%{") {
            self.ignored(number, "a directive", line);
            return;
        }
        if line.starts_with("%%") {
            return;
        }
        for statement in split_statements(line) {
            self.statement(number, statement);
        }
    }

    /// Skips front matter; returns whether the line belonged to it.
    fn front_matter(&mut self, number: usize, line: &str) -> bool {
        match self.front_matter {
            FrontMatter::Inside => {
                if line == "---" {
                    self.front_matter = FrontMatter::Done;
                }
                true
            }
            FrontMatter::NotYet if !line.is_empty() => {
                if line == "---" && !self.header_seen {
                    self.front_matter = FrontMatter::Inside;
                    self.ignored(number, "front matter", line);
                    return true;
                }
                self.front_matter = FrontMatter::Done;
                false
            }
            _ => false,
        }
    }

    fn statement(&mut self, number: usize, line: &str) {
        let first_word = line.split_whitespace().next().unwrap_or("");
        let is_header_word = matches!(first_word, "graph" | "flowchart" | "flowchart-elk");
        if !self.header_seen {
            self.header_seen = true;
            if is_header_word {
                self.header(number, line);
                return;
            }
            self.diagnostic(
                codes::MISSING_HEADER,
                number,
                format!(
                    "expected 'graph' or 'flowchart' header (only flowcharts import): {}",
                    quote(line)
                ),
            );
        } else if is_header_word {
            self.unsupported(number, "a second header", line);
            return;
        }
        let keyword = first_word.trim_end_matches(':');
        if STYLING_WORDS.contains(&keyword) {
            self.ignored(number, keyword, line);
        } else if keyword == "subgraph" {
            self.open_subgraph(number, line["subgraph".len()..].trim());
        } else if line == "end" {
            self.close_subgraph(number);
        } else {
            match parse_chain(line) {
                Ok(chain) => self.chain(number, line, chain),
                Err(reason) => self.unsupported(number, reason, line),
            }
        }
    }

    fn header(&mut self, number: usize, line: &str) {
        let words: Vec<&str> = line.split_whitespace().collect();
        let direction_ok = match words.as_slice() {
            [_] => true,
            [_, direction] => {
                ["LR", "RL", "TD", "TB", "BT", ">", "<", "^", "v"].contains(direction)
            }
            _ => false,
        };
        if !direction_ok {
            self.unsupported(number, "header direction", line);
        }
    }

    /// `subgraph ID`, `subgraph ID [Title]`, `subgraph "Title"` or `subgraph Some title`.
    fn open_subgraph(&mut self, number: usize, rest: &str) {
        let (id, title) = subgraph_title(rest);
        let id = id.unwrap_or_else(|| format!("subgraph{number}"));
        let title = title.unwrap_or_else(|| id.clone());
        let path = match self.subgraphs.last() {
            Some((_, parent)) => format!("{parent}{GROUP_SEPARATOR}{title}"),
            None => title,
        };
        self.diagram.subgraphs.insert(id.clone());
        self.subgraphs.push((id, path));
    }

    fn close_subgraph(&mut self, number: usize) {
        if self.subgraphs.pop().is_none() {
            self.diagnostic(
                codes::SUBGRAPH_UNBALANCED,
                number,
                "'end' without an open subgraph; ignored".to_owned(),
            );
        }
    }

    fn chain(&mut self, number: usize, line: &str, chain: Chain) {
        let styled = chain.groups.iter().flatten().any(|node| node.styled);
        if styled {
            self.ignored(number, "':::' classes", line);
        }
        for node in chain.groups.iter().flatten() {
            self.node(number, node);
        }
        for (pair, link) in chain.groups.windows(2).zip(chain.links) {
            let [from_group, to_group] = pair else {
                continue;
            };
            for from in from_group {
                for to in to_group {
                    self.diagram.edges.push(ParsedEdge {
                        from: from.id.clone(),
                        to: to.id.clone(),
                        label: link.label.clone(),
                        line: number,
                        stroke: link.stroke,
                        ends: link.ends,
                    });
                }
            }
        }
    }

    fn node(&mut self, number: usize, node: &NodeToken) {
        let group = self.subgraphs.last().map(|(_, path)| path.clone());
        let index = if let Some(index) = self.node_index.get(&node.id) {
            *index
        } else {
            self.diagram.nodes.push(ParsedNode {
                id: node.id.clone(),
                label: None,
                shape: None,
                group: None,
                line: number,
            });
            let index = self.diagram.nodes.len() - 1;
            self.node_index.insert(node.id.clone(), index);
            index
        };
        let parsed = &mut self.diagram.nodes[index];
        if parsed.group.is_none() {
            parsed.group = group;
        }
        if parsed.shape.is_none() {
            parsed.shape = node.shape;
        }
        let Some(label) = &node.label else {
            return;
        };
        let conflict = match &mut parsed.label {
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

    fn ignored(&mut self, number: usize, what: &str, line: &str) {
        self.diagnostic(
            codes::IGNORED,
            number,
            format!(
                "{what} only changes the look; read and ignored: {}",
                quote(line)
            ),
        );
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

    fn finish(mut self, last_line: usize) -> ParsedDiagram {
        for (id, _) in std::mem::take(&mut self.subgraphs) {
            self.diagnostic(
                codes::SUBGRAPH_UNBALANCED,
                last_line,
                format!("subgraph {id} is not closed with 'end'; closed at the end of the diagram"),
            );
        }
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

/// The id and title of a subgraph header.
fn subgraph_title(rest: &str) -> (Option<String>, Option<String>) {
    if rest.is_empty() {
        return (None, None);
    }
    let whole = || {
        let title = clean_label(rest);
        (Some(title.clone()), Some(title))
    };
    if rest.starts_with('"') {
        return whole();
    }
    let id_end = rest
        .find(|c: char| c.is_whitespace() || c == '[')
        .unwrap_or(rest.len());
    let (id, tail) = (&rest[..id_end], rest[id_end..].trim());
    if tail.is_empty() {
        return (Some(id.to_owned()), None);
    }
    match tail.strip_prefix('[').and_then(|t| t.strip_suffix(']')) {
        Some(title) if !id.is_empty() => (Some(id.to_owned()), Some(clean_label(title))),
        _ => whole(),
    }
}

/// A statement: groups of nodes (`A & B`) joined by links.
struct Chain {
    groups: Vec<Vec<NodeToken>>,
    links: Vec<LinkToken>,
}

/// Parses `group (link group)*` where `group` is `node (& node)*`.
fn parse_chain(line: &str) -> Result<Chain, &'static str> {
    let mut lexer = Lexer::new(line);
    let mut groups = vec![node_group(&mut lexer)?];
    let mut links = Vec::new();
    while !lexer.at_end() {
        links.push(lexer.link()?);
        groups.push(node_group(&mut lexer)?);
    }
    Ok(Chain { groups, links })
}

fn node_group(lexer: &mut Lexer<'_>) -> Result<Vec<NodeToken>, &'static str> {
    let mut group = Vec::new();
    loop {
        let node = lexer.node()?;
        if RESERVED_IDS.contains(&node.id.as_str()) {
            return Err("a Mermaid keyword as node id");
        }
        group.push(node);
        if !lexer.ampersand() {
            return Ok(group);
        }
    }
}

/// Splits a line at the `;` that are outside quotes, shapes and `|labels|`.
fn split_statements(line: &str) -> Vec<&str> {
    let mut statements = Vec::new();
    let (mut in_quote, mut in_pipe, mut depth) = (false, false, 0usize);
    let mut start = 0;
    for (index, c) in line.char_indices() {
        match c {
            '"' => in_quote = !in_quote,
            '|' if !in_quote && depth == 0 => in_pipe = !in_pipe,
            '[' | '(' | '{' if !in_quote => depth += 1,
            ']' | ')' | '}' if !in_quote => depth = depth.saturating_sub(1),
            ';' if !in_quote && !in_pipe && depth == 0 => {
                statements.push(line[start..index].trim());
                start = index + 1;
            }
            _ => {}
        }
    }
    statements.push(line[start..].trim());
    statements.retain(|s| !s.is_empty());
    statements
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

#[cfg(test)]
#[path = "mermaid_parse_tests.rs"]
mod tests;
