//! Fresh ids for new entities: `system-1`, `system-2`, … never colliding with existing ones.
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

#[cfg(test)]
mod tests {
    use super::unique_id;

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
