//! Retry jitter of `simulation.md` §6.1: `BLAKE2b` with an 8-byte digest of Python's
//! `repr((seed, flow, key, attempt))`, read little-endian and divided by 2^64.

use std::fmt::Write as _;

use blake2::Blake2bVar;
use blake2::digest::{Update, VariableOutput};

/// Python's `repr` of a string.
pub fn pyrepr(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || (0x7f..0xa1).contains(&(c as u32)) || c == '\u{ad}' => {
                let _ = write!(out, "\\x{:02x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push(quote);
    out
}

/// The jitter fraction `u` in `[0, 1]`.
pub fn jitter(seed: i64, flow: &str, key: i64, attempt: i64) -> f64 {
    let msg = format!("({seed}, {}, {key}, {attempt})", pyrepr(flow));
    let mut digest = [0u8; 8];
    if let Ok(mut h) = Blake2bVar::new(8) {
        h.update(msg.as_bytes());
        if h.finalize_variable(&mut digest).is_err() {
            return 0.0;
        }
    }
    let x = u64::from_le_bytes(digest);
    x as f64 / 18_446_744_073_709_551_616.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spec_vectors() {
        assert_eq!(jitter(42, "F1", 7140, 1), 0.749_258_462_110_614_9);
        assert_eq!(jitter(42, "F1", 7140, 2), 0.627_639_476_778_766_3);
        assert_eq!(jitter(42, "F1", 7140, 3), 0.178_486_830_335_836_54);
        assert_eq!(jitter(0, "F1", 7140, 1), 0.164_402_409_286_771_7);
        assert_eq!(pyrepr("it's"), "\"it's\"");
        assert_eq!(jitter(42, "it's", 100, 2), 0.170_976_866_016_413_6);
    }
}
