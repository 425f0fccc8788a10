//! The file format's guarantees: random valid landscapes survive save → load → save
//! byte-identically, saves are atomic and keep a backup, and old formats are migrated.

use proptest::prelude::*;
use switchboard::file::{self, backup_path, from_ron_str, load_path, save_path, to_ron_string};
use switchboard::model::{
    Calendar, Change, Contract, ControlSet, Dataset, Dependency, Fault, FaultKind, Field, Flow,
    FlowPatch, Jitter, KafkaOverrides, Landscape, Monitor, MonitorCheck, OwnerChange, Pattern,
    Position, Process, Retry, Scenario, Schedule, SettingsOverrides, System, Team, TimeOfDay,
    Validation, Weekday, Window,
};

/// A tiny deterministic generator, so that one proptest seed builds one whole landscape.
struct Gen<'a> {
    state: u64,
    words: &'a [String],
    floats: &'a [f64],
}

impl Gen<'_> {
    fn next(&mut self) -> u64 {
        self.state ^= self.state << 13;
        self.state ^= self.state >> 7;
        self.state ^= self.state << 17;
        self.state
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn coin(&mut self) -> bool {
        self.next() % 2 == 0
    }
    fn word(&mut self) -> String {
        let i = self.below(self.words.len());
        self.words[i].clone()
    }
    fn float(&mut self) -> f64 {
        let i = self.below(self.floats.len());
        self.floats[i]
    }
    /// A canvas coordinate: any finite `f32`.
    fn coordinate(&mut self) -> f32 {
        (self.float() as f32).clamp(f32::MIN, f32::MAX)
    }
    fn opt<T>(&mut self, value: impl FnOnce(&mut Self) -> T) -> Option<T> {
        if self.coin() { Some(value(self)) } else { None }
    }
    fn time(&mut self) -> TimeOfDay {
        TimeOfDay(self.below(1441) as u16)
    }
    fn days(&mut self) -> Vec<Weekday> {
        Weekday::ALL.into_iter().filter(|_| self.coin()).collect()
    }
    fn calendar(&mut self) -> Calendar {
        match self.below(3) {
            0 => Calendar::TwentyFourSeven,
            1 => Calendar::BusinessHours,
            _ => Calendar::Windows(
                (0..self.below(3))
                    .map(|_| Window {
                        days: self.days(),
                        start: self.time(),
                        end: self.time(),
                    })
                    .collect(),
            ),
        }
    }
    fn schedule(&mut self) -> Schedule {
        match self.below(3) {
            0 => Schedule::Cron {
                times: (0..self.below(3)).map(|_| self.time()).collect(),
                days: if self.coin() {
                    Weekday::ALL.to_vec()
                } else {
                    self.days()
                },
            },
            1 => Schedule::Every {
                every_minutes: self.below(2000) as u32,
                offset_minutes: self.below(100) as u32,
            },
            _ => Schedule::Stream {
                latency_minutes: self.below(60) as u32,
            },
        }
    }
    fn retry(&mut self) -> Retry {
        Retry {
            max_attempts: self.below(5) as u32,
            base_minutes: self.below(100) as u32,
            factor: self.float(),
            cap_minutes: self.below(500) as u32,
            jitter: if self.coin() {
                Jitter::Full
            } else {
                Jitter::Off
            },
        }
    }
    fn flow(&mut self) -> Flow {
        Flow {
            id: self.word(),
            name: self.word(),
            description: self.word(),
            inputs: (0..self.below(3)).map(|_| self.word()).collect(),
            output: self.word(),
            schedule: self.schedule(),
            pattern: Pattern::ALL[self.below(6)],
            duration_minutes: self.below(100) as u32,
            owner: self.opt(Self::word),
            contract: self.opt(Self::word),
            validation: Validation::from_level(self.below(3) as u8).unwrap_or_default(),
            job_alert: self.coin(),
            retry: self.retry(),
            buffered: self.coin(),
            dlq: self.coin(),
            queue_age_alarm_minutes: self.opt(|g| g.below(100) as u32),
            loss: self.float(),
            via_hub: self.coin(),
            kafka: self.opt(|g| KafkaOverrides {
                partitions: g.opt(|g| g.below(50) as u32),
                replicas: g.opt(|g| g.below(5) as u32),
                retention_ms: g.opt(|g| g.next() as i64),
            }),
            export_name: self.opt(Self::word),
        }
    }
    fn monitor(&mut self) -> Monitor {
        Monitor {
            id: self.word(),
            dataset: self.word(),
            check: match self.below(3) {
                0 => MonitorCheck::Freshness {
                    max_age_minutes: self.below(5000) as u32,
                },
                1 => MonitorCheck::Volume {
                    min_completeness: self.float(),
                },
                _ => MonitorCheck::Quality {
                    max_detectability: self.below(4) as u8,
                },
            },
            every_minutes: self.below(120) as u32,
            offset_minutes: self.below(60) as u32,
            owner: self.opt(Self::word),
        }
    }
    fn fault_kind(&mut self) -> FaultKind {
        match self.below(5) {
            0 => FaultKind::Fail,
            1 => FaultKind::Silent,
            2 => FaultKind::Partial {
                fraction: self.float(),
            },
            3 => FaultKind::Delay {
                minutes: self.below(500) as u32,
            },
            _ => FaultKind::Semantic {
                detectability: self.below(4) as u8,
            },
        }
    }
    fn change(&mut self) -> Change {
        match self.below(4) {
            0 => Change::Flow {
                flow: self.word(),
                set: FlowPatch {
                    schedule: self.opt(Self::schedule),
                    retry: self.opt(Self::retry),
                    owner: self.opt(|g| {
                        if g.coin() {
                            OwnerChange::Team(g.word())
                        } else {
                            OwnerChange::Nobody
                        }
                    }),
                    job_alert: self.opt(Self::coin),
                    loss: self.opt(Self::float),
                    ..FlowPatch::default()
                },
            },
            1 => Change::Team {
                team: self.word(),
                calendar: self.calendar(),
            },
            2 => Change::AddMonitor(self.monitor()),
            _ => Change::Settings(SettingsOverrides {
                lineage: self.opt(Self::coin),
                triage_minutes: self.opt(|g| g.below(500) as u32),
                fallback_team: self.opt(Self::word),
                ..SettingsOverrides::default()
            }),
        }
    }
    fn landscape(&mut self) -> Landscape {
        let mut l = Landscape {
            name: self.word(),
            description: self.word(),
            export_vhost: self.opt(Self::word),
            ..Landscape::default()
        };
        l.settings.seed = self.next() as i64;
        l.settings.lineage = self.coin();
        l.teams = (0..self.below(4))
            .map(|_| Team {
                id: self.word(),
                name: self.word(),
                contact: self.word(),
                calendar: self.calendar(),
            })
            .collect();
        l.systems = (0..self.below(5))
            .map(|_| System {
                id: self.word(),
                name: self.word(),
                description: self.word(),
                kind: self.word(),
                owner: self.opt(Self::word),
                group: self.opt(Self::word),
                datasets: (0..self.below(4))
                    .map(|_| Dataset {
                        id: self.word(),
                        name: self.word(),
                        description: self.word(),
                        source: self.coin(),
                        stale_after_minutes: self.opt(|g| g.below(5000) as u32),
                        owner: self.opt(Self::word),
                    })
                    .collect(),
                position: Position::new(self.coordinate(), self.coordinate()),
                pinned: self.coin(),
                export_name: self.opt(Self::word),
                diagram_id: self.opt(Self::word),
            })
            .collect();
        l.contracts = (0..self.below(3))
            .map(|_| Contract {
                id: self.word(),
                name: self.word(),
                version: self.word(),
                format: self.word(),
                fields: (0..self.below(3))
                    .map(|_| Field {
                        name: self.word(),
                        type_name: self.word(),
                        unit: self.opt(Self::word),
                        required: self.coin(),
                    })
                    .collect(),
                owner: self.opt(Self::word),
            })
            .collect();
        l.flows = (0..self.below(6)).map(|_| self.flow()).collect();
        l.monitors = (0..self.below(3)).map(|_| self.monitor()).collect();
        l.processes = (0..self.below(3))
            .map(|_| Process {
                id: self.word(),
                name: self.word(),
                description: self.word(),
                owner: self.word(),
                dependencies: (0..self.below(3))
                    .map(|_| Dependency {
                        dataset: self.word(),
                        max_age_minutes: self.below(3000) as u32,
                        min_completeness: self.float(),
                    })
                    .collect(),
                calendar: self.calendar(),
                notice_after_minutes: self.opt(|g| g.below(500) as u32),
                position: Position::new(self.coordinate(), self.coordinate()),
                pinned: self.coin(),
            })
            .collect();
        l.scenarios = (0..self.below(3))
            .map(|_| Scenario {
                id: self.word(),
                name: self.word(),
                description: self.word(),
                faults: (0..self.below(3))
                    .map(|_| Fault {
                        id: self.word(),
                        flow: self.word(),
                        kind: self.fault_kind(),
                        start: self.below(20000) as i64,
                        end: self.opt(|g| g.below(20000) as i64),
                        repair_minutes: self.below(200) as u32,
                    })
                    .collect(),
                deadline: self.opt(|g| g.below(20000) as i64),
                settings: SettingsOverrides {
                    horizon_end: self.opt(|g| g.below(20000) as i64),
                    cascade_rerun: self.opt(Self::coin),
                    ..SettingsOverrides::default()
                },
                controls: (0..self.below(3))
                    .map(|_| ControlSet {
                        name: self.word(),
                        changes: (0..self.below(3)).map(|_| self.change()).collect(),
                    })
                    .collect(),
            })
            .collect();
        l
    }
}

fn finite_f64() -> impl Strategy<Value = f64> {
    prop_oneof![
        Just(0.0),
        Just(0.1),
        Just(0.98),
        Just(1.0),
        Just(-0.0),
        Just(1e-300),
        Just(123_456_789.123),
        (-1e12..1e12f64),
        any::<f64>().prop_filter("finite", |f| f.is_finite()),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn random_landscapes_survive_save_load_save_byte_identically(
        seed in 1u64..,
        words in prop::collection::vec(".{0,12}", 1..12),
        floats in prop::collection::vec(finite_f64(), 1..8),
    ) {
        let landscape = Gen { state: seed, words: &words, floats: &floats }.landscape();
        let first = to_ron_string(&landscape).expect("encodes");
        let loaded = from_ron_str(&first, "random.ron").expect("decodes what it encoded");
        let second = to_ron_string(&loaded).expect("encodes again");
        prop_assert_eq!(&first, &second);
        let json = file::to_json_string(&loaded).expect("json");
        let from_json = file::from_json_str(&json, "random.json").expect("json decodes");
        prop_assert_eq!(to_ron_string(&from_json).expect("encodes"), first);
    }
}

#[test]
fn saving_is_atomic_and_keeps_the_previous_file_as_backup() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("landscape.ron");
    let mut landscape = file::seafood_example().expect("example");
    save_path(&landscape, &path).expect("first save");
    assert!(
        !backup_path(&path).exists(),
        "nothing to back up on the first save"
    );
    let first = std::fs::read(&path).expect("saved");

    landscape.name = "Seafood, renamed".into();
    save_path(&landscape, &path).expect("second save");
    assert_eq!(std::fs::read(backup_path(&path)).expect("backup"), first);
    assert_eq!(load_path(&path).expect("reloads").name, "Seafood, renamed");
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .expect("list")
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().contains(".tmp-"))
        .collect();
    assert!(leftovers.is_empty(), "no temporary files remain");
}

#[test]
fn a_one_field_change_is_a_one_line_diff() {
    let mut landscape = file::seafood_example().expect("example");
    let before = to_ron_string(&landscape).expect("encodes");
    landscape.flows[0].duration_minutes = 25;
    let after = to_ron_string(&landscape).expect("encodes");
    let changed = before
        .lines()
        .zip(after.lines())
        .filter(|(a, b)| a != b)
        .count();
    assert_eq!(before.lines().count(), after.lines().count());
    assert_eq!(changed, 1);
}

#[test]
fn a_format_0_document_is_migrated() {
    let current = std::fs::read_to_string("examples/crm-erp-marketing.ron").expect("example");
    let old = current.replacen("    format: 1,\n", "", 1);
    assert!(!old.contains("format:"), "the fixture really is format 0");
    let migrated = from_ron_str(&old, "old.ron").expect("format 0 loads");
    assert_eq!(migrated.format, 1);
    assert_eq!(to_ron_string(&migrated).expect("encodes"), current);
}

#[test]
fn a_failed_save_leaves_the_existing_file_untouched() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("doc.txt");
    std::fs::write(&path, "keep me").expect("write");
    let landscape = Landscape::default();
    assert!(
        save_path(&landscape, &path).is_err(),
        "unknown extension is refused"
    );
    assert_eq!(std::fs::read_to_string(&path).expect("read"), "keep me");
}
