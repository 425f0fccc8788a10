//! Fresh ids for new entities: slugs of their names (`stock-levels`), or `system-1`, `system-2`,
//! … never colliding with existing ones.
//!
//! Depends on nothing of the crate.

/// The first id `"{stem}-{n}"` (n ≥ 1) for which `taken` is false, or `stem` itself when it is
/// free and `prefer_bare` is set.
pub fn unique_id(stem: &str, prefer_bare: bool, taken: impl Fn(&str) -> bool) -> String {
    if prefer_bare && !stem.is_empty() && !taken(stem) {
        return stem.to_owned();
    }
    // At most one candidate per existing id is taken, so the loop ends; the bound is only a
    // guard against a `taken` that says yes to everything.
    (1u64..=u64::from(u32::MAX))
        .map(|n| format!("{stem}-{n}"))
        .find(|candidate| !taken(candidate))
        .unwrap_or_default()
}

/// An id from a display name: lower-case letters and digits, every other run of characters one
/// `-`; "item" when nothing is left. "Orders (ERP copy)" → `orders-erp-copy`.
pub fn slug(name: &str) -> String {
    let mut slug = String::with_capacity(name.len());
    for c in name.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() {
            slug.push(c);
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    let slug = slug.trim_end_matches('-');
    if slug.is_empty() {
        "item".to_owned()
    } else {
        slug.chars()
            .take(64)
            .collect::<String>()
            .trim_end_matches('-')
            .to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::{slug, unique_id};

    #[test]
    fn slugs_are_readable_ids() {
        assert_eq!(slug("Orders (ERP copy)"), "orders-erp-copy");
        assert_eq!(slug("  Stock  levels! "), "stock-levels");
        assert_eq!(slug("Ωμέγα"), "item");
    }

    #[test]
    fn skips_taken_ids() {
        let taken = ["system-1", "system-2"];
        assert_eq!(
            unique_id("system", false, |id| taken.contains(&id)),
            "system-3"
        );
        assert_eq!(unique_id("stock", true, |id| taken.contains(&id)), "stock");
        assert_eq!(
            unique_id("system-1", true, |id| taken.contains(&id)),
            "system-1-1"
        );
    }
}
