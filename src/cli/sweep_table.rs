//! The human format of a sweep report: a ranked table and a line naming the worst record and why.

use std::fmt::Write as _;

use crate::analysis::sweep::{SweepRecord, SweepReport};
use crate::model::time::{format_duration, format_sim_time};

/// `1760` as `1,760`.
pub fn thousands(n: i64) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if n < 0 {
        out.insert(0, '-');
    }
    out
}

fn detected(r: &SweepRecord) -> String {
    match (r.detected_at, r.ttd) {
        (Some(t), Some(ttd)) => format!(
            "{} after {} ({})",
            format_sim_time(t),
            format_duration(ttd),
            r.detection
        ),
        _ => "never".to_owned(),
    }
}

fn fix_text(r: &SweepRecord) -> String {
    match &r.fix {
        None => "-".to_owned(),
        Some(f) => format!(
            "{} -> {} min{}",
            f.controls.join(" + "),
            thousands(f.impact),
            f.detected_at
                .map(|t| format!(", detected {}", format_sim_time(t)))
                .unwrap_or_default()
        ),
    }
}

fn row(r: &SweepRecord, fixes: bool) -> Vec<String> {
    let mut cells = vec![
        r.rank.to_string(),
        r.flow.clone(),
        r.kind.name().to_owned(),
        format_sim_time(r.start),
        thousands(r.impact),
        r.processes.len().to_string(),
        detected(r),
        format!(
            "{}/{}/{}",
            r.blast_radius.datasets, r.blast_radius.systems, r.blast_radius.processes
        ),
    ];
    if fixes {
        cells.push(fix_text(r));
    }
    cells
}

fn worst_line(r: &SweepRecord) -> String {
    let mut s = format!(
        "Worst: {} ({} at {}): {} operating minutes",
        r.flow,
        r.kind.name(),
        format_sim_time(r.start),
        thousands(r.impact)
    );
    if !r.processes.is_empty() {
        let _ = write!(s, " across {}", r.processes.join(", "));
    }
    if let Some(d) = &r.first_dataset {
        let _ = write!(s, "; {d} goes bad first");
    }
    match &r.detected_via {
        Some(via) => {
            let _ = write!(s, "; first noticed by {via}");
        }
        None => s.push_str("; nobody notices it in the week"),
    }
    s.push('\n');
    s
}

/// The report as a table.
pub fn table(report: &SweepReport) -> String {
    let fixes = report.fix > 0;
    let mut header: Vec<String> = [
        "Rank",
        "Flow",
        "Kind",
        "Start",
        "Impact (op. min)",
        "Processes",
        "Detected",
        "Blast (ds/sys/proc)",
    ]
    .iter()
    .map(|s| (*s).to_owned())
    .collect();
    if fixes {
        header.push("Cheapest fix".to_owned());
    }
    let rows: Vec<Vec<String>> = report.records.iter().map(|r| row(r, fixes)).collect();
    let widths: Vec<usize> = (0..header.len())
        .map(|c| {
            rows.iter()
                .map(|r| r[c].chars().count())
                .chain([header[c].chars().count()])
                .max()
                .unwrap_or(0)
        })
        .collect();
    let mut out = format!(
        "Where will it hurt? {} flow(s), kinds {}, start {}, repair {} min\n\n",
        report.flows,
        report
            .kinds
            .iter()
            .map(|k| k.name())
            .collect::<Vec<_>>()
            .join(","),
        report.at,
        report.repair_minutes
    );
    for cells in std::iter::once(&header).chain(rows.iter()) {
        let line: Vec<String> = cells
            .iter()
            .enumerate()
            .map(|(c, text)| {
                if matches!(c, 0 | 4 | 5) {
                    format!("{text:>w$}", w = widths[c])
                } else {
                    format!("{text:<w$}", w = widths[c])
                }
            })
            .collect();
        out.push_str(line.join("  ").trim_end());
        out.push('\n');
    }
    if let Some(first) = report.records.first() {
        out.push('\n');
        out.push_str(&worst_line(first));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::thousands;

    #[test]
    fn thousands_groups_digits() {
        assert_eq!(thousands(1760), "1,760");
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(1_234_567), "1,234,567");
        assert_eq!(thousands(-1000), "-1,000");
    }
}
