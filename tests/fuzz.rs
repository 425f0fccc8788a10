//! Fuzzing on the stable toolchain (issue 13, item 9): mutation-based harnesses that run as
//! ordinary tests for a time budget, seeded from the examples and fixtures. Targets: the loader,
//! `validate`, the engine on documents `check` passes, the Mermaid importer and the SVG writer.
//!
//! Invariants: nothing panics; load → save → load is the identity; a document without error
//! findings simulates every scenario and control set and exports an SVG without `NaN`.
//!
//! Budget: `SWITCHBOARD_FUZZ_SECS` seconds per target (default 2; `.ci/run` uses 55). Seed:
//! `SWITCHBOARD_FUZZ_SEED` (default from the clock, printed). An input that panics is saved
//! under `fuzz/crashes/TARGET-HASH` and the test fails; `replay_saved_crashes` replays every
//! saved input on each run. Each harness prints the inputs run and inputs per second.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use switchboard::file::{from_json_str, from_ron_str, to_json_string, to_ron_string};
use switchboard::model::{Landscape, Severity, validate};

/// xorshift64*: small, fast and reproducible from its seed.
struct Rng(u64);

impl Rng {
    fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }
}

fn budget() -> Duration {
    let secs = std::env::var("SWITCHBOARD_FUZZ_SECS")
        .ok()
        .and_then(|s| s.parse::<f64>().ok())
        .unwrap_or(2.0);
    Duration::from_secs_f64(secs)
}

fn seed(target: &str) -> u64 {
    let base = std::env::var("SWITCHBOARD_FUZZ_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(1, |d| d.as_nanos() as u64)
        });
    eprintln!("fuzz {target}: seed {base}");
    (base ^ fnv(target.as_bytes())) | 1
}

fn fnv(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

fn crash_folder() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/crashes")
}

/// The seed corpus: the examples and fixtures with the given extension.
fn corpus(extension: &str) -> Vec<Vec<u8>> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut out = Vec::new();
    for folder in ["examples", "tests/fixtures/mermaid", "fuzz/corpus"] {
        let Ok(entries) = std::fs::read_dir(root.join(folder)) else {
            continue;
        };
        let mut paths: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
        paths.sort();
        for path in paths {
            if path.extension().is_some_and(|e| e == extension) {
                out.push(std::fs::read(&path).expect("read corpus file"));
            }
        }
    }
    out
}

/// One mutation: flip, insert, delete or duplicate bytes, or splice a piece of another input.
fn mutate(rng: &mut Rng, input: &[u8], corpus: &[Vec<u8>]) -> Vec<u8> {
    const TOKENS: [&[u8]; 14] = [
        b"(",
        b")",
        b"[",
        b"]",
        b",",
        b"\"",
        b"-->",
        b"#",
        b";",
        b"NaN",
        b"-9223372036854775808",
        b"4294967295",
        b"\n",
        b"\xEF\xBB\xBF",
    ];
    let mut out = input.to_vec();
    for _ in 0..=rng.below(4) {
        let at = rng.below(out.len() + 1);
        match rng.below(6) {
            0 if !out.is_empty() => {
                let i = at.min(out.len() - 1);
                out[i] ^= 1 << rng.below(8);
            }
            1 => {
                let token = TOKENS[rng.below(TOKENS.len())];
                out.splice(at..at, token.iter().copied());
            }
            2 if !out.is_empty() => {
                let end = (at + rng.below(64)).min(out.len());
                out.drain(at.min(end)..end);
            }
            3 => {
                let end = (at + rng.below(32)).min(out.len());
                let piece: Vec<u8> = out[at.min(end)..end].to_vec();
                out.splice(at..at, piece);
            }
            _ => {
                let other = &corpus[rng.below(corpus.len())];
                let from = rng.below(other.len());
                let end = (from + rng.below(256)).min(other.len());
                out.splice(at..at, other[from..end].iter().copied());
            }
        }
    }
    out
}

/// A harness: runs one input, panicking when an invariant fails.
type Target = fn(&[u8]);

/// Runs `check` on mutants of the corpus for the budget; a panic saves the input and fails.
fn fuzz(target: &str, extension: &str, check: Target) {
    let corpus = corpus(extension);
    assert!(!corpus.is_empty(), "no seed inputs for {target}");
    let mut rng = Rng(seed(target));
    let budget = budget();
    let start = Instant::now();
    let mut runs: u64 = 0;
    let previous_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {}));
    let mut crash = None;
    while start.elapsed() < budget {
        let base = &corpus[rng.below(corpus.len())];
        let input = mutate(&mut rng, base, &corpus);
        runs += 1;
        if catch_unwind(AssertUnwindSafe(|| check(&input))).is_err() {
            crash = Some(input);
            break;
        }
    }
    std::panic::set_hook(previous_hook);
    let secs = start.elapsed().as_secs_f64();
    eprintln!(
        "fuzz {target}: {runs} inputs in {secs:.1} s, {:.0} inputs/s",
        runs as f64 / secs.max(1e-9)
    );
    if let Some(input) = crash {
        let folder = crash_folder();
        std::fs::create_dir_all(&folder).expect("crash folder");
        let path = folder.join(format!("{target}-{:016x}", fnv(&input)));
        std::fs::write(&path, &input).expect("save crash");
        panic!(
            "fuzz {target}: an input panics; saved as {}",
            path.display()
        );
    }
}

fn text_of(input: &[u8]) -> Option<&str> {
    std::str::from_utf8(input).ok()
}

/// Loader: decoding never panics, and a decoded document survives save → load unchanged.
fn loader(input: &[u8]) {
    let Some(text) = text_of(input) else {
        return;
    };
    if let Ok(landscape) = from_ron_str(text, "fuzz.ron") {
        round_trips(&landscape);
    }
    if let Ok(landscape) = from_json_str(text, "fuzz.json") {
        round_trips(&landscape);
    }
}

fn round_trips(landscape: &Landscape) {
    let errors = validate(landscape)
        .iter()
        .any(|f| f.severity == Severity::Error);
    let ron = to_ron_string(landscape).expect("a decoded document encodes");
    let back = from_ron_str(&ron, "again.ron").expect("a saved document loads");
    if !errors {
        // Values in range are finite, so equality is meaningful.
        assert_eq!(&back, landscape, "load → save → load changed the document");
        let json = to_json_string(landscape).expect("encodes as JSON");
        assert_eq!(
            &from_json_str(&json, "again.json").expect("loads"),
            landscape
        );
    }
}

fn loaded(input: &[u8]) -> Option<Landscape> {
    from_ron_str(text_of(input)?, "fuzz.ron").ok()
}

/// `validate` and the check report never panic.
fn validator(input: &[u8]) {
    if let Some(landscape) = loaded(input) {
        let _ = switchboard::cli::check::check_report(&landscape);
    }
}

/// A document `check` passes simulates every scenario and control set.
fn engine(input: &[u8]) {
    let Some(landscape) = loaded(input) else {
        return;
    };
    if switchboard::cli::check::check_report(&landscape).errors > 0 {
        return;
    }
    let compiled =
        switchboard::sim::Compiled::new(&landscape).expect("check passed: the landscape compiles");
    for scenario in &landscape.scenarios {
        switchboard::sim::simulate_scenario(&compiled, scenario, None)
            .expect("check passed: the scenario simulates");
        for control in &scenario.controls {
            switchboard::sim::simulate_scenario(&compiled, scenario, Some(&control.name))
                .expect("check passed: the control set simulates");
        }
    }
}

/// The Mermaid importer never panics and its landscape encodes.
fn mermaid(input: &[u8]) {
    let Some(text) = text_of(input) else {
        return;
    };
    let (landscape, _) = switchboard::import::import_mermaid(text);
    to_ron_string(&landscape).expect("an imported landscape encodes");
}

/// Whether a geometric attribute of the SVG (coordinates, sizes, paths, transforms) holds `NaN`.
/// Names and ids may contain the letters "NaN"; numbers may not.
fn has_nan_geometry(svg: &str) -> bool {
    const GEOMETRY: [&str; 16] = [
        "x",
        "y",
        "x1",
        "y1",
        "x2",
        "y2",
        "cx",
        "cy",
        "r",
        "rx",
        "ry",
        "width",
        "height",
        "d",
        "points",
        "transform",
    ];
    GEOMETRY.iter().any(|name| {
        let opening = format!(" {name}=\"");
        svg.match_indices(&opening).any(|(at, _)| {
            let value = &svg[at + opening.len()..];
            value[..value.find('"').unwrap_or(value.len())].contains("NaN")
        })
    })
}

/// A document without range errors draws an SVG without `NaN`.
fn svg(input: &[u8]) {
    let Some(landscape) = loaded(input) else {
        return;
    };
    let out_of_range = switchboard::model::ranges::range_findings(&landscape)
        .iter()
        .any(|f| f.severity == Severity::Error);
    if out_of_range {
        return;
    }
    let svg = switchboard::export::image::landscape_svg(&landscape);
    assert!(!has_nan_geometry(&svg), "the SVG has NaN coordinates");
}

#[test]
fn fuzz_loader() {
    fuzz("loader", "ron", loader);
}

#[test]
fn fuzz_validate() {
    fuzz("validate", "ron", validator);
}

#[test]
fn fuzz_engine() {
    fuzz("engine", "ron", engine);
}

#[test]
fn fuzz_mermaid() {
    fuzz("mermaid", "mmd", mermaid);
}

#[test]
fn fuzz_svg() {
    fuzz("svg", "ron", svg);
}

/// Every input saved under `fuzz/crashes` runs through its target without panicking.
#[test]
fn replay_saved_crashes() {
    let Ok(entries) = std::fs::read_dir(crash_folder()) else {
        return;
    };
    let targets: [(&str, Target); 5] = [
        ("loader", loader),
        ("validate", validator),
        ("engine", engine),
        ("mermaid", mermaid),
        ("svg", svg),
    ];
    let mut replayed = 0;
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let input = std::fs::read(entry.path()).expect("read saved input");
        for (target, check) in targets {
            if name.starts_with(&format!("{target}-")) {
                check(&input);
                replayed += 1;
            }
        }
    }
    eprintln!("replayed {replayed} saved inputs");
    assert!(
        replayed > 0,
        "fuzz/crashes holds the inputs of the issue's crashes"
    );
}
