//! The lexer of one Mermaid flowchart statement: node references with their shape and label,
//! `&`, and links of every stroke (`-->`, `---`, `-.->`, `==>`, `~~~`, `<-->`, `--o`, `--x`)
//! with `|text|` or inline (`-- text -->`) labels.
//!
//! Linear: the cursor only moves forward, and every search for a closing delimiter starts at the
//! cursor and moves the cursor past what it scanned (or ends the statement with an error), so a
//! statement of n bytes costs O(n) time, without recursion.
//!
//! Depends on `export::mermaid_text` (entity decoding).

use crate::export::mermaid_text::decode_entities;

/// The shape a node is drawn with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// `[text]`
    Rectangle,
    /// `(text)`
    Round,
    /// `([text])`
    Stadium,
    /// `[[text]]`
    Subroutine,
    /// `[(text)]`
    Cylinder,
    /// `((text))` and `(((text)))`
    Circle,
    /// `>text]`
    Asymmetric,
    /// `{text}`
    Rhombus,
    /// `{{text}}`
    Hexagon,
    /// `[/text/]`, `[\text\]`, `[/text\]`, `[\text/]`
    Slanted,
}

/// How a link is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stroke {
    /// `-->`, `---`
    Normal,
    /// `-.->`, `-.-`
    Dotted,
    /// `==>`, `===`
    Thick,
    /// `~~~`: layout only.
    Invisible,
}

/// Which ends of a link carry a head.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ends {
    /// `---`: no head.
    Open,
    /// `-->`: a head at the target.
    Forward,
    /// `<-->`: heads at both ends.
    Both,
}

/// A node reference: `ID`, `ID[Label]`, `ID([Label])`, `ID@{ shape: cyl, label: "…" }`, ….
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NodeToken {
    pub id: String,
    pub shape: Option<Shape>,
    pub label: Option<String>,
    /// A `:::class` suffix was read (and ignored).
    pub styled: bool,
}

/// A link between two node groups.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkToken {
    pub stroke: Stroke,
    pub ends: Ends,
    pub label: Option<String>,
}

/// A cursor over one statement.
pub struct Lexer<'a> {
    text: &'a str,
    pos: usize,
}

impl<'a> Lexer<'a> {
    /// A lexer at the start of a statement.
    pub fn new(text: &'a str) -> Self {
        Self { text, pos: 0 }
    }

    fn rest(&self) -> &'a str {
        &self.text[self.pos..]
    }

    /// Skips whitespace; returns whether the statement is finished.
    pub fn at_end(&mut self) -> bool {
        let rest = self.rest();
        self.pos += rest.len() - rest.trim_start().len();
        self.pos >= self.text.len()
    }

    fn eat(&mut self, token: &str) -> bool {
        if self.rest().starts_with(token) {
            self.pos += token.len();
            true
        } else {
            false
        }
    }

    fn peek(&self) -> Option<char> {
        self.rest().chars().next()
    }

    /// Reads `&` between nodes of a group.
    pub fn ampersand(&mut self) -> bool {
        self.at_end();
        self.eat("&")
    }

    /// Reads the text up to `closer` (which is consumed); the text is moved past either way.
    fn until(&mut self, closer: &str, missing: &'static str) -> Result<&'a str, &'static str> {
        let rest = self.rest();
        if let Some(end) = rest.find(closer) {
            self.pos += end + closer.len();
            Ok(&rest[..end])
        } else {
            self.pos = self.text.len();
            Err(missing)
        }
    }

    /// Reads a node reference.
    pub fn node(&mut self) -> Result<NodeToken, &'static str> {
        self.at_end();
        let id = self.node_id()?;
        let (shape, label) = if self.eat("@{") {
            let body = self.until("}", "unterminated '@{ … }' shape")?;
            expanded_shape(body)
        } else {
            match self.shape()? {
                Some((shape, label)) => (Some(shape), Some(label)),
                None => (None, None),
            }
        };
        let styled = self.eat(":::");
        if styled {
            let len = self
                .rest()
                .find(|c: char| !is_id_char(c))
                .unwrap_or(self.rest().len());
            self.pos += len;
        }
        Ok(NodeToken {
            id,
            shape,
            label,
            styled,
        })
    }

    /// Letters, digits and `_`, with single `-` between them (`order-service`).
    fn node_id(&mut self) -> Result<String, &'static str> {
        let rest = self.rest();
        let mut end = 0;
        let mut chars = rest.char_indices().peekable();
        while let Some((index, c)) = chars.next() {
            let next_is_id = chars.peek().is_some_and(|&(_, n)| is_id_char(n));
            if is_id_char(c) || (c == '-' && end > 0 && next_is_id) {
                end = index + c.len_utf8();
            } else {
                break;
            }
        }
        if end == 0 {
            return Err(if rest.starts_with('&') {
                "'&' without a node before it"
            } else {
                "expected a node id of letters, digits, '_' and '-'"
            });
        }
        self.pos += end;
        Ok(rest[..end].to_owned())
    }

    /// The shape and label after a node id, if any.
    fn shape(&mut self) -> Result<Option<(Shape, String)>, &'static str> {
        const SHAPES: [(&str, &str, Shape); 10] = [
            ("(((", ")))", Shape::Circle),
            ("((", "))", Shape::Circle),
            ("([", "])", Shape::Stadium),
            ("[(", ")]", Shape::Cylinder),
            ("[[", "]]", Shape::Subroutine),
            ("{{", "}}", Shape::Hexagon),
            ("{", "}", Shape::Rhombus),
            ("(", ")", Shape::Round),
            ("[", "]", Shape::Rectangle),
            (">", "]", Shape::Asymmetric),
        ];
        if self.eat("[/") || self.eat("[\\") {
            let text = self.label_text("]")?;
            let text = text
                .strip_suffix('/')
                .or_else(|| text.strip_suffix('\\'))
                .ok_or("expected '/]' or '\\]' after a slanted label")?;
            return Ok(Some((Shape::Slanted, clean_label(text))));
        }
        for (opener, closer, shape) in SHAPES {
            if self.eat(opener) {
                let text = self.label_text(closer)?;
                return Ok(Some((shape, clean_label(text))));
            }
        }
        Ok(None)
    }

    /// The text of a label up to `closer`: `"quoted"` (may hold the closer) or plain.
    fn label_text(&mut self, closer: &str) -> Result<&'a str, &'static str> {
        self.at_end();
        let start = self.pos;
        if self.eat("\"") {
            self.until("\"", "unterminated quoted label")?;
            let text = &self.text[start..self.pos];
            self.at_end();
            if self.eat(closer) {
                return Ok(text);
            }
            return Err("expected the shape to close right after the quoted label");
        }
        self.until(closer, "unterminated label: the shape is not closed")
    }

    /// Reads a link (with its label).
    pub fn link(&mut self) -> Result<LinkToken, &'static str> {
        self.at_end();
        let start = self.rest();
        let both = (start.starts_with('<') || start.starts_with(['o', 'x']))
            && start[1..].starts_with(['-', '=', '.']);
        if both {
            self.pos += 1;
        }
        let (stroke, ends, mut label) = self.stroke()?;
        let ends = if both && ends == Ends::Forward {
            Ends::Both
        } else {
            ends
        };
        if label.is_none() && stroke != Stroke::Invisible {
            self.at_end();
            if self.eat("|") {
                label = arrow_label(self.until("|", "unterminated '|label|'")?);
            }
        }
        Ok(LinkToken {
            stroke,
            ends,
            label,
        })
    }

    /// The link itself: its stroke, heads and an inline `-- text -->` label.
    fn stroke(&mut self) -> Result<(Stroke, Ends, Option<String>), &'static str> {
        let rest = self.rest();
        let run = |c: char| rest.len() - rest.trim_start_matches(c).len();
        let (stroke, run_len) = match rest.chars().next() {
            Some('~') if run('~') >= 3 => {
                self.pos += run('~');
                return Ok((Stroke::Invisible, Ends::Open, None));
            }
            Some('-') if rest[1..].starts_with('.') => {
                self.pos += 1;
                return self.dotted();
            }
            Some('-') if run('-') >= 2 => (Stroke::Normal, run('-')),
            Some('=') if run('=') >= 2 => (Stroke::Thick, run('=')),
            _ => {
                return Err(if rest.starts_with('&') {
                    "'&' after a link"
                } else {
                    "expected a link such as -->, ---, -.->, ==> or ~~~"
                });
            }
        };
        self.pos += run_len;
        if let Some(ends) = self.head() {
            return Ok((stroke, ends, None));
        }
        if run_len >= 3 {
            return Ok((stroke, Ends::Open, None));
        }
        // `-- text -->` or `== text ==>`: the text runs up to the closing stroke.
        let closer = if stroke == Stroke::Thick { "==" } else { "--" };
        let text = self.inline_label(closer)?;
        let tail = self.rest();
        let symbol = closer.chars().next().unwrap_or('-');
        self.pos += tail.len() - tail.trim_start_matches(symbol).len();
        let ends = self.head().unwrap_or(Ends::Open);
        Ok((stroke, ends, arrow_label(text)))
    }

    /// After `-`: `.`+ then `-` (`-.->`, `-..-`), or ` text .->`.
    fn dotted(&mut self) -> Result<(Stroke, Ends, Option<String>), &'static str> {
        let rest = self.rest();
        self.pos += rest.len() - rest.trim_start_matches('.').len();
        if self.eat("-") {
            let ends = self.head().unwrap_or(Ends::Open);
            return Ok((Stroke::Dotted, ends, None));
        }
        let text = self.inline_label(".-")?;
        let ends = self.head().unwrap_or(Ends::Open);
        Ok((Stroke::Dotted, ends, arrow_label(text)))
    }

    /// The text of an inline label up to `closer` (consumed), quotes respected.
    fn inline_label(&mut self, closer: &str) -> Result<&'a str, &'static str> {
        self.at_end();
        let start = self.pos;
        if self.eat("\"") {
            self.until("\"", "unterminated quoted link label")?;
        }
        let scanned_from = self.pos;
        let rest = self.rest();
        let Some(end) = rest.find(closer) else {
            self.pos = self.text.len();
            return Err("the link label is not closed by a link such as -->");
        };
        self.pos = scanned_from + end + closer.len();
        Ok(&self.text[start..scanned_from + end])
    }

    /// A link head: `>`, or `o`/`x` not followed by a letter.
    fn head(&mut self) -> Option<Ends> {
        match self.peek() {
            Some('>') => {
                self.pos += 1;
                Some(Ends::Forward)
            }
            Some('o' | 'x') if !self.rest()[1..].starts_with(is_id_char) => {
                self.pos += 1;
                Some(Ends::Forward)
            }
            _ => None,
        }
    }
}

fn is_id_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// `shape: cyl, label: "Orders"` of the `@{ … }` syntax.
fn expanded_shape(body: &str) -> (Option<Shape>, Option<String>) {
    let mut shape = None;
    let mut label = None;
    for part in body.split(',') {
        let Some((key, value)) = part.split_once(':') else {
            continue;
        };
        let value = value.trim().trim_matches('"').trim_matches('\'');
        match key.trim() {
            "shape" => shape = Some(named_shape(value)),
            "label" => label = Some(clean_label(value)),
            _ => {}
        }
    }
    (shape, label)
}

/// The shape of a Mermaid 11 shape name.
fn named_shape(name: &str) -> Shape {
    match name {
        "cyl" | "cylinder" | "db" | "database" | "das" | "h-cyl" | "lin-cyl" => Shape::Cylinder,
        "circle" | "circ" | "dbl-circ" | "double-circle" | "sm-circ" | "small-circle" => {
            Shape::Circle
        }
        "diam" | "diamond" | "decision" | "question" | "rhombus" => Shape::Rhombus,
        "stadium" | "pill" | "terminal" => Shape::Stadium,
        "hex" | "hexagon" | "prepare" => Shape::Hexagon,
        "rounded" | "event" => Shape::Round,
        "subproc" | "subprocess" | "subroutine" | "fr-rect" | "framed-rectangle" => {
            Shape::Subroutine
        }
        _ => Shape::Rectangle,
    }
}

/// A link label: trimmed, unquoted, cleaned; `None` when empty.
fn arrow_label(raw: &str) -> Option<String> {
    let label = clean_label(raw);
    (!label.is_empty()).then_some(label)
}

/// A label as people see it: surrounding blanks (outside quotes), quotes and Markdown backticks
/// removed, `<br>` as a space, entity codes decoded.
pub fn clean_label(raw: &str) -> String {
    let trimmed = raw.trim();
    let unquoted = trimmed
        .strip_prefix('"')
        .and_then(|t| t.strip_suffix('"'))
        .unwrap_or(trimmed);
    let unticked = unquoted
        .strip_prefix('`')
        .and_then(|t| t.strip_suffix('`'))
        .unwrap_or(unquoted);
    let mut text = String::with_capacity(unticked.len());
    let mut rest = unticked;
    while let Some(start) = rest.find('<') {
        text.push_str(&rest[..start]);
        let tag = &rest[start..];
        let end = tag.find('>').map_or(0, |e| e + 1);
        if end > 0 && tag[..end].to_ascii_lowercase().starts_with("<br") {
            text.push(' ');
            rest = &tag[end..];
        } else {
            text.push('<');
            rest = &tag[1..];
        }
    }
    text.push_str(rest);
    decode_entities(&text)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn link(text: &str) -> LinkToken {
        Lexer::new(text).link().expect(text)
    }

    #[test]
    fn every_link_kind_is_read_with_its_label() {
        let cases = [
            ("-->", Stroke::Normal, Ends::Forward, None),
            ("--->", Stroke::Normal, Ends::Forward, None),
            ("---", Stroke::Normal, Ends::Open, None),
            ("-.->", Stroke::Dotted, Ends::Forward, None),
            ("-..-", Stroke::Dotted, Ends::Open, None),
            ("==>", Stroke::Thick, Ends::Forward, None),
            ("===", Stroke::Thick, Ends::Open, None),
            ("~~~", Stroke::Invisible, Ends::Open, None),
            ("<-->", Stroke::Normal, Ends::Both, None),
            ("--o", Stroke::Normal, Ends::Forward, None),
            ("-->|a b|", Stroke::Normal, Ends::Forward, Some("a b")),
            (
                "-- a · daily 02:00 -->",
                Stroke::Normal,
                Ends::Forward,
                Some("a · daily 02:00"),
            ),
            (
                "-. \"x -- y\" .->",
                Stroke::Dotted,
                Ends::Forward,
                Some("x -- y"),
            ),
            ("== big ==>", Stroke::Thick, Ends::Forward, Some("big")),
            ("-- open ---", Stroke::Normal, Ends::Open, Some("open")),
            ("-.->|\"q\"|", Stroke::Dotted, Ends::Forward, Some("q")),
        ];
        for (text, stroke, ends, label) in cases {
            let token = link(text);
            assert_eq!(
                (token.stroke, token.ends, token.label.as_deref()),
                (stroke, ends, label),
                "{text}"
            );
        }
    }

    #[test]
    fn every_shape_is_read_with_its_label() {
        let cases = [
            ("A[Box]", Shape::Rectangle, "Box"),
            ("A(Round)", Shape::Round, "Round"),
            ("A([Stadium])", Shape::Stadium, "Stadium"),
            ("A[[Sub]]", Shape::Subroutine, "Sub"),
            ("A[(Orders DB)]", Shape::Cylinder, "Orders DB"),
            ("A((Circle))", Shape::Circle, "Circle"),
            ("A(((Double)))", Shape::Circle, "Double"),
            ("A>Flag]", Shape::Asymmetric, "Flag"),
            ("A{Choice?}", Shape::Rhombus, "Choice?"),
            ("A{{Hex}}", Shape::Hexagon, "Hex"),
            ("A[/In/]", Shape::Slanted, "In"),
            ("A[\\Out/]", Shape::Slanted, "Out"),
            (
                "A[\"Quoted (v2) [x]\"]",
                Shape::Rectangle,
                "Quoted (v2) [x]",
            ),
            ("A[Two<br/>lines]", Shape::Rectangle, "Two lines"),
            ("A@{ shape: cyl, label: \"Lake\" }", Shape::Cylinder, "Lake"),
        ];
        for (text, shape, label) in cases {
            let node = Lexer::new(text).node().expect(text);
            assert_eq!(node.id, "A");
            assert_eq!(
                (node.shape, node.label.as_deref()),
                (Some(shape), Some(label)),
                "{text}"
            );
        }
    }

    #[test]
    fn ids_keep_single_hyphens_but_stop_at_links_and_classes() {
        let mut lexer = Lexer::new("order-service:::hot-->B");
        let node = lexer.node().expect("node");
        assert_eq!((node.id.as_str(), node.styled), ("order-service", true));
        assert_eq!(lexer.link().expect("link").ends, Ends::Forward);
        assert_eq!(lexer.node().expect("B").id, "B");
        assert!(lexer.at_end());
    }

    #[test]
    fn unterminated_shapes_and_labels_are_errors_not_panics() {
        for text in ["A[open", "A[\"open]", "A@{ shape", "A((x)"] {
            assert!(Lexer::new(text).node().is_err(), "{text}");
        }
        for text in ["-->|open", "-- never closed", "-. never", "->", "&"] {
            assert!(Lexer::new(text).link().is_err(), "{text}");
        }
    }
}
