//! The event queue of `simulation.md` §5.1: events ordered by `(t, class, kind, entity, seq)`.

use std::cmp::{Ordering, Reverse};
use std::collections::BinaryHeap;

use crate::sim::state::{DState, FaultSet};

/// Where a batch run comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// A scheduled run (or its retry).
    Sched,
    /// A repair rerun for a fault.
    Repair(u32),
    /// A cascade run after a repair of a fault.
    Cascade(u32),
}

/// The decided outcome of a batch run.
#[derive(Debug, Clone)]
pub enum Outcome {
    /// Exit non-zero, with the `fail` faults.
    Fail(FaultSet),
    /// Logged error, exit 0.
    Silent,
    /// Rejected by validation, with the rejected taints.
    Reject(FaultSet),
    /// Commits this state.
    Commit(DState),
}

/// An event's payload.
#[derive(Debug, Clone)]
pub enum Payload {
    /// Stream fault window edge.
    Edge { flow: u32 },
    /// Repair of a fault.
    Repair { fault: u32 },
    /// Stream delivery.
    Deliver { flow: u32, state: DState },
    /// Batch run end.
    End {
        flow: u32,
        key: i64,
        attempt: i64,
        origin: Origin,
        out: Outcome,
    },
    /// Batch run start.
    Run {
        flow: u32,
        key: i64,
        attempt: i64,
        origin: Origin,
    },
    /// Monitor timer.
    Mon { mon: u32, ver: u64 },
    /// Complaint timer.
    Notice { proc: u32, ep: u64 },
    /// Process timer.
    Proc { proc: u32, ver: u64 },
    /// Queue-age (with a block number) or DLQ alarm (without).
    Qage {
        flow: u32,
        block: Option<u64>,
        faults: FaultSet,
    },
    /// A routed signal reaches a human.
    Seen { sig: usize, rank: u32 },
}

impl Payload {
    /// `(class, kind rank, entity rank)`.
    fn rank(&self) -> (u8, u8, u32) {
        match self {
            Self::Edge { flow } => (0, 0, *flow),
            Self::Repair { fault } => (0, 1, *fault),
            Self::Deliver { flow, .. } => (1, 0, *flow),
            Self::End { flow, .. } => (1, 1, *flow),
            Self::Run { flow, .. } => (2, 0, *flow),
            Self::Mon { mon, .. } => (3, 0, *mon),
            Self::Notice { proc, .. } => (3, 1, *proc),
            Self::Proc { proc, .. } => (3, 2, *proc),
            Self::Qage { flow, .. } => (3, 3, *flow),
            Self::Seen { rank, .. } => (4, 0, *rank),
        }
    }
}

/// A queued event.
#[derive(Debug)]
pub struct Event {
    /// Time.
    pub t: i64,
    class: u8,
    kind: u8,
    ent: u32,
    seq: u64,
    /// Payload.
    pub payload: Payload,
}

impl Event {
    fn key(&self) -> (i64, u8, u8, u32, u64) {
        (self.t, self.class, self.kind, self.ent, self.seq)
    }
}

impl PartialEq for Event {
    fn eq(&self, other: &Self) -> bool {
        self.key() == other.key()
    }
}
impl Eq for Event {}
impl PartialOrd for Event {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Event {
    fn cmp(&self, other: &Self) -> Ordering {
        self.key().cmp(&other.key())
    }
}

/// The priority queue.
#[derive(Debug, Default)]
pub struct Queue {
    heap: BinaryHeap<Reverse<Event>>,
    seq: u64,
}

impl Queue {
    /// Pushes an event at `t`.
    pub fn push(&mut self, t: i64, payload: Payload) {
        self.seq += 1;
        let (class, kind, ent) = payload.rank();
        self.heap.push(Reverse(Event {
            t,
            class,
            kind,
            ent,
            seq: self.seq,
            payload,
        }));
    }

    /// Pops the smallest event.
    pub fn pop(&mut self) -> Option<Event> {
        self.heap.pop().map(|r| r.0)
    }
}
