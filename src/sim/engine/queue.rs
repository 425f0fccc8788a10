//! The event queue of `simulation.md` §5.1: events ordered by `(t, class, kind, entity, seq)`.

use std::cmp::Reverse;
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

/// A popped event.
#[derive(Debug)]
pub struct Event {
    /// Time.
    pub t: i64,
    /// Payload.
    pub payload: Payload,
}

/// The order of an event, `(t, class, kind, entity, seq)`, and where its payload waits. Only
/// this small key moves inside the heap; `seq` is unique, so `slot` never decides the order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Key {
    t: i64,
    class: u8,
    kind: u8,
    ent: u32,
    seq: u64,
    slot: u32,
}

/// Minutes covered by the buckets (about two years); later or earlier events wait in `far`.
const MAX_BUCKETS: i64 = 1 << 20;

/// The priority queue, in one of two shapes with the same order: one binary heap of events for
/// the small cone runs (a few thousand events, where it is fastest), and buckets for the
/// whole-graph runs (millions of events).
#[derive(Debug)]
pub enum Queue {
    Heap(HeapQueue),
    Buckets(BucketQueue),
}

impl Queue {
    /// A queue for a run of about `flows` simulated flows.
    pub fn for_flows(flows: usize) -> Self {
        if flows > BUCKETS_FROM_FLOWS {
            Self::Buckets(BucketQueue::default())
        } else {
            Self::Heap(HeapQueue::default())
        }
    }

    /// Pushes an event at `t`.
    pub fn push(&mut self, t: i64, payload: Payload) {
        match self {
            Self::Heap(q) => q.push(t, payload),
            Self::Buckets(q) => q.push(t, payload),
        }
    }

    /// Pops the smallest event.
    pub fn pop(&mut self) -> Option<Event> {
        match self {
            Self::Heap(q) => q.pop(),
            Self::Buckets(q) => q.pop(),
        }
    }
}

/// Runs with more simulated flows than this use the bucket queue (measured on the §11 graph:
/// buckets made the 50,000-flow baseline 27 % faster and a 37-flow cone 45 % slower).
const BUCKETS_FROM_FLOWS: usize = 2_000;

/// A queued event with its order key, for [`HeapQueue`].
#[derive(Debug)]
struct Queued {
    key: (i64, u8, u8, u32, u64),
    payload: Payload,
}

impl PartialEq for Queued {
    fn eq(&self, other: &Self) -> bool {
        self.key == other.key
    }
}
impl Eq for Queued {}
impl PartialOrd for Queued {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Queued {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.key.cmp(&other.key)
    }
}

/// One binary heap of events ordered by `(t, class, kind, entity, seq)`.
#[derive(Debug, Default)]
pub struct HeapQueue {
    heap: BinaryHeap<Reverse<Queued>>,
    seq: u64,
}

impl HeapQueue {
    /// Pushes an event at `t`.
    pub fn push(&mut self, t: i64, payload: Payload) {
        self.seq += 1;
        let (class, kind, ent) = payload.rank();
        self.heap.push(Reverse(Queued {
            key: (t, class, kind, ent, self.seq),
            payload,
        }));
    }

    /// Pops the smallest event.
    pub fn pop(&mut self) -> Option<Event> {
        let Reverse(queued) = self.heap.pop()?;
        Some(Event {
            t: queued.key.0,
            payload: queued.payload,
        })
    }
}

/// The bucket queue of §11 step 4: a bucket per integer minute, each a small heap of keys
/// ordered by the full key, over a slab of payloads, so that neither the large payloads nor a
/// deep heap are moved per event. Events outside the buckets wait in one more heap, compared
/// at every pop, so the order is exactly that of a single heap.
#[derive(Debug, Default)]
pub struct BucketQueue {
    /// The minute of bucket 0 (the first event's).
    origin: Option<i64>,
    buckets: Vec<BinaryHeap<Reverse<Key>>>,
    /// Every bucket before this one is empty.
    cursor: usize,
    far: BinaryHeap<Reverse<Key>>,
    payloads: Vec<Option<Payload>>,
    free: Vec<u32>,
    seq: u64,
}

impl BucketQueue {
    /// Pushes an event at `t`.
    pub fn push(&mut self, t: i64, payload: Payload) {
        self.seq += 1;
        let (class, kind, ent) = payload.rank();
        let slot = if let Some(slot) = self.free.pop() {
            self.payloads[slot as usize] = Some(payload);
            slot
        } else {
            self.payloads.push(Some(payload));
            u32::try_from(self.payloads.len() - 1).unwrap_or(u32::MAX)
        };
        let key = Reverse(Key {
            t,
            class,
            kind,
            ent,
            seq: self.seq,
            slot,
        });
        let origin = *self.origin.get_or_insert(t);
        match usize::try_from(t - origin) {
            Ok(index) if (t - origin) < MAX_BUCKETS && index >= self.cursor => {
                if index >= self.buckets.len() {
                    self.buckets.resize_with(index + 1, BinaryHeap::new);
                }
                self.buckets[index].push(key);
            }
            _ => self.far.push(key),
        }
    }

    /// Pops the smallest event.
    pub fn pop(&mut self) -> Option<Event> {
        while self
            .buckets
            .get(self.cursor)
            .is_some_and(BinaryHeap::is_empty)
        {
            self.cursor += 1;
        }
        let near = self.buckets.get(self.cursor).and_then(BinaryHeap::peek);
        let from_far = match (near, self.far.peek()) {
            (Some(Reverse(n)), Some(Reverse(f))) => f < n,
            (None, Some(_)) => true,
            (_, None) => false,
        };
        let Reverse(key) = if from_far {
            self.far.pop()?
        } else {
            self.buckets.get_mut(self.cursor)?.pop()?
        };
        let payload = self.payloads.get_mut(key.slot as usize)?.take()?;
        self.free.push(key.slot);
        Some(Event { t: key.t, payload })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_shapes_pop_in_key_order_like_one_heap_even_across_far_events() {
        for queue in [Queue::for_flows(10), Queue::for_flows(100_000)] {
            pops_in_key_order(queue);
        }
    }

    fn pops_in_key_order(mut queue: Queue) {
        let mut reference = BinaryHeap::new();
        let mut state = 11u64;
        let mut next = |bound: i64| {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1);
            ((state >> 33) as i64) % bound
        };
        let mut now = 100;
        let mut seq = 0u64;
        for round in 0..4000 {
            // Mostly near-future events, some far ones and some before the first event.
            let t = match round % 10 {
                0 => now + MAX_BUCKETS + next(1000),
                1 => 50 - next(200),
                _ => now + next(300),
            };
            let flow = u32::try_from(next(50)).unwrap_or(0);
            queue.push(t, Payload::Edge { flow });
            seq += 1;
            reference.push(Reverse((t, 0u8, 0u8, flow, seq)));
            if round % 3 == 0 {
                let got = queue.pop().map(|e| (e.t, e.payload.rank().2));
                let want = reference.pop().map(|Reverse((t, _, _, f, _))| (t, f));
                assert_eq!(got, want);
                if let Some((t, _)) = got {
                    now = now.max(t);
                }
            }
        }
        while let Some(Reverse((t, _, _, f, _))) = reference.pop() {
            let event = queue.pop().expect("as many events");
            assert_eq!((event.t, event.payload.rank().2), (t, f));
        }
        assert!(queue.pop().is_none());
    }
}
