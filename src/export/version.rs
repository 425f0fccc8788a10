//! Contract version → major version (`exports.md` §1.4), and the order of versions used when
//! flows on one routing key document different versions of a contract (§3.2, W12).
//!
//! Depends on nothing of the crate.

use std::cmp::Ordering;

/// The leading integer of a version after an optional `v`/`V`: `2.1.0` → 2, `v3` → 3. `None`
/// when there is no leading integer (`beta`).
pub fn major_version(version: &str) -> Option<u64> {
    let rest = version.strip_prefix(['v', 'V']).unwrap_or(version);
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    digits.parse().ok()
}

/// Compares two versions by their dot-separated numeric parts (semantic version order for plain
/// `MAJOR.MINOR.PATCH`); non-numeric parts compare as text after the numbers. Ties are broken by
/// the text so that the order is total and deterministic.
pub fn compare_versions(a: &str, b: &str) -> Ordering {
    let key = |v: &str| -> Vec<(u64, String)> {
        v.trim_start_matches(['v', 'V'])
            .split(['.', '-', '+'])
            .map(|part| {
                let digits: String = part.chars().take_while(char::is_ascii_digit).collect();
                (digits.parse().unwrap_or(0), part[digits.len()..].to_owned())
            })
            .collect()
    };
    key(a).cmp(&key(b)).then_with(|| a.cmp(b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn major_is_the_leading_integer() {
        assert_eq!(major_version("2.1.0"), Some(2));
        assert_eq!(major_version("v3"), Some(3));
        assert_eq!(major_version("V10.0"), Some(10));
        assert_eq!(major_version("1"), Some(1));
        assert_eq!(major_version("beta"), None);
        assert_eq!(major_version(""), None);
    }

    #[test]
    fn versions_compare_numerically() {
        assert_eq!(compare_versions("2.3.0", "2.10.0"), Ordering::Less);
        assert_eq!(compare_versions("2.1.0", "2.1.0"), Ordering::Equal);
        assert_eq!(compare_versions("3.0.0", "2.9.9"), Ordering::Greater);
    }
}
