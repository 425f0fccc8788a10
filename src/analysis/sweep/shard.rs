//! Shards: `--shard I/N` sweeps every N-th flow (sorted by id, starting at the I-th), and
//! [`merge`] combines the N shard reports into the report an unsharded run gives, byte for byte.
//!
//! A shard searches fixes for its own top records; the global top `fix` records are each in
//! their shard's top `fix`, so the merge keeps exactly those fixes and drops the others.

use super::SweepError;
use super::record::{Shard, SweepReport, rank};

impl Shard {
    /// Parses `I/N` with `1 <= I <= N`.
    pub fn parse(text: &str) -> Result<Self, SweepError> {
        let invalid = || {
            SweepError(format!(
                "invalid shard '{text}': write I/N with 1 <= I <= N, e.g. 2/4"
            ))
        };
        let (i, n) = text.split_once('/').ok_or_else(invalid)?;
        let index: usize = i.trim().parse().map_err(|_| invalid())?;
        let count: usize = n.trim().parse().map_err(|_| invalid())?;
        if index == 0 || index > count {
            return Err(invalid());
        }
        Ok(Self { count, index })
    }
}

/// The flows of one shard: every `count`-th flow of the sorted list, from the `index`-th.
pub fn slice(flows: &[String], shard: Shard) -> Result<Vec<String>, SweepError> {
    if shard.index == 0 || shard.index > shard.count {
        return Err(SweepError(format!(
            "invalid shard {}/{}: write I/N with 1 <= I <= N",
            shard.index, shard.count
        )));
    }
    Ok(flows
        .iter()
        .enumerate()
        .filter(|(p, _)| p % shard.count == shard.index - 1)
        .map(|(_, f)| f.clone())
        .collect())
}

fn check_same(first: &SweepReport, other: &SweepReport, which: usize) -> Result<(), SweepError> {
    let same = first.at == other.at
        && first.fix == other.fix
        && first.kinds == other.kinds
        && first.repair_minutes == other.repair_minutes;
    if same {
        Ok(())
    } else {
        Err(SweepError(format!(
            "shard report {which} was made with other settings (--at, --kinds, --repair or \
             --fix) than report 1: run every shard with the same options"
        )))
    }
}

/// Merges the reports of shards 1/N .. N/N (in any order) into the unsharded report.
pub fn merge(reports: Vec<SweepReport>) -> Result<SweepReport, SweepError> {
    let Some(first) = reports.first() else {
        return Err(SweepError(
            "nothing to merge: give the shard reports".to_owned(),
        ));
    };
    let count = first.shard.map_or(0, |s| s.count);
    let mut seen = vec![false; count];
    for (k, r) in reports.iter().enumerate() {
        let Some(s) = r.shard.filter(|s| s.count == count && s.index >= 1) else {
            return Err(SweepError(format!(
                "report {} is not a shard of {count}: merge the reports of --shard 1/{count} .. \
                 {count}/{count}",
                k + 1
            )));
        };
        if r.interrupted {
            return Err(SweepError(format!(
                "shard {}/{count} was interrupted: run it again before merging",
                s.index
            )));
        }
        if std::mem::replace(&mut seen[s.index - 1], true) {
            return Err(SweepError(format!(
                "shard {}/{count} is given twice",
                s.index
            )));
        }
        check_same(first, r, k + 1)?;
    }
    if let Some(missing) = seen.iter().position(|s| !s) {
        return Err(SweepError(format!(
            "shard {}/{count} is missing",
            missing + 1
        )));
    }
    let mut merged = SweepReport {
        at: first.at.clone(),
        fix: first.fix,
        flows: reports.iter().map(|r| r.flows).sum(),
        interrupted: false,
        kinds: first.kinds.clone(),
        records: Vec::new(),
        repair_minutes: first.repair_minutes,
        shard: None,
    };
    merged.records = reports.into_iter().flat_map(|r| r.records).collect();
    rank(&mut merged.records);
    let fix = merged.fix;
    for r in merged.records.iter_mut().skip(fix) {
        r.fix = None;
    }
    Ok(merged)
}

#[cfg(test)]
#[expect(clippy::unwrap_used, reason = "tests fail loudly")]
mod tests {
    use super::*;

    #[test]
    fn shards_partition_the_flows() {
        let flows: Vec<String> = (0..7).map(|i| format!("F{i}")).collect();
        let mut all = Vec::new();
        for index in 1..=3 {
            all.extend(slice(&flows, Shard { count: 3, index }).unwrap());
        }
        all.sort();
        assert_eq!(all, flows);
        assert_eq!(Shard::parse("2/4").unwrap(), Shard { count: 4, index: 2 });
        assert!(Shard::parse("0/4").is_err());
        assert!(Shard::parse("5/4").is_err());
        assert!(Shard::parse("x").is_err());
    }
}
