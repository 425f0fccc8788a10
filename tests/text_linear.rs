//! Linear text handling (issue 13, item 6): laying out and exporting very long names measures
//! each character a bounded number of times, and the Mermaid entity decoder reads a long run of
//! `#` once. The bound is on work (characters measured), not on time.

use switchboard::export::mermaid_text::decode_entities;
use switchboard::export::text_metrics::{ellipsize, measured_characters, wrap};
use switchboard::export::{drawing, image};

const LONG: usize = 100_000;

fn measured_by(work: impl FnOnce()) -> u64 {
    let before = measured_characters();
    work();
    measured_characters() - before
}

#[test]
fn wrapping_and_ellipsizing_a_long_text_measures_each_character_a_few_times() {
    let word = "W".repeat(LONG);
    let words = "ab ".repeat(LONG / 3);
    for text in [&word, &words] {
        let n = measured_by(|| {
            let lines = wrap(text, 15.0, true, 200.0, 2);
            assert!(lines.len() <= 2);
            assert!(lines.iter().all(|l| l.chars().count() < 200));
        });
        assert!(n <= 4 * LONG as u64, "{n} characters measured for {LONG}");
        let n = measured_by(|| {
            assert!(ellipsize(text, 12.0, false, 120.0).ends_with('…'));
        });
        assert!(n <= 2 * LONG as u64, "{n} characters measured for {LONG}");
    }
}

#[test]
fn an_svg_with_a_100000_character_team_name_is_linear_work() {
    let mut landscape = switchboard::file::seafood_example().expect("example");
    let long = "T".repeat(LONG);
    landscape.teams[0].name.clone_from(&long);
    landscape.systems[0].name.clone_from(&long);
    let text_chars: usize = landscape.teams.iter().map(|t| t.name.len()).sum::<usize>()
        + landscape
            .systems
            .iter()
            .map(|s| s.name.len())
            .sum::<usize>();
    let n = measured_by(|| {
        let scene = drawing::draw(&landscape);
        assert!(image::landscape_svg(&landscape).contains("<svg"));
        drop(scene);
    });
    assert!(
        n <= 40 * text_chars as u64,
        "{n} characters measured for {text_chars} characters of names"
    );
}

#[test]
fn a_million_hashes_decode_in_one_pass() {
    let hashes = "#".repeat(1_000_000);
    assert_eq!(decode_entities(&hashes), hashes);
    let mixed = "#35;#".repeat(200_000);
    assert_eq!(decode_entities(&mixed).chars().count(), 400_000);
}
