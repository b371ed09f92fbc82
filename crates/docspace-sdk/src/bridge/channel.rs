//! The per-frame state of the message bus, as plain data: a model of api.js's reply queue, the
//! frame's startup command held back until api.js listens, and the replies of timed-out calls
//! still on their way. The guard feeds it every message that comes from the frame.

use std::collections::VecDeque;

use futures::channel::oneshot;
use serde_json::Value;

use crate::protocol::{ALLOWED_COMMANDS, Incoming};

/// An entry of api.js's callback queue, which answers replies strictly in order.
#[derive(Debug)]
pub(crate) enum Slot {
    /// One of the bridge's calls, waiting for its reply.
    Call {
        id: u64,
        reply: oneshot::Sender<Option<Value>>,
    },
    /// The `setConfig` api.js sends when the frame asks for its config (the handshake).
    Handshake,
}

/// What to do with a message from the frame.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Verdict {
    /// Let api.js have it.
    Pass,
    /// Keep it from api.js.
    Block,
    /// Let api.js have it: it answered the handshake.
    PassHandshakeDone,
}

/// The bus state of one frame.
#[derive(Debug, Default)]
pub(crate) struct ChannelState {
    /// api.js's queue, as the bridge models it.
    pending: VecDeque<Slot>,
    /// Whether api.js listens (it starts at the iframe's first `load`).
    pub(crate) listening: bool,
    /// `setConfig` commands that arrived before api.js listened (raw JSON), to replay.
    stashed: Vec<String>,
    /// Replies still expected for timed-out calls, and until when to expect them.
    late: u32,
    late_until: f64,
    /// Messages refused because they did not come from this frame.
    pub(crate) rejected: u32,
    next_id: u64,
}

impl ChannelState {
    /// Judges a message that came from this frame's window and the portal's origin.
    /// `synthetic`: the bridge dispatched it itself (a replayed command or an unsticking reply).
    pub(crate) fn accept(
        &mut self,
        msg: Incoming,
        raw: &str,
        synthetic: bool,
        now: f64,
    ) -> Verdict {
        match msg {
            Incoming::MethodReturn { data, .. } => {
                if synthetic {
                    // The bridge already took the slot off its model when it timed the call out.
                    return Verdict::Pass;
                }
                if !self.listening {
                    return Verdict::Block;
                }
                if self.late > 0 {
                    if now <= self.late_until {
                        // The answer to a call that already timed out: api.js was unstuck, so
                        // passing it would resolve the wrong callback.
                        self.late -= 1;
                        return Verdict::Block;
                    }
                    self.late = 0;
                }
                match self.pending.pop_front() {
                    Some(Slot::Call { reply, .. }) => {
                        let _ = reply.send(data);
                        Verdict::Pass
                    }
                    Some(Slot::Handshake) => Verdict::PassHandshakeDone,
                    // Nothing waits: a stray reply would only confuse api.js.
                    None => Verdict::Block,
                }
            }
            Incoming::CallCommand { name, .. } => {
                if !ALLOWED_COMMANDS.contains(&name.as_str()) {
                    return Verdict::Block;
                }
                if name == "setConfig" {
                    if !self.listening {
                        self.stashed.push(raw.to_string());
                        return Verdict::Block;
                    }
                    self.pending.push_back(Slot::Handshake);
                }
                Verdict::Pass
            }
            Incoming::EventReturn { .. } | Incoming::Error { .. } | Incoming::Other { .. } => {
                Verdict::Pass
            }
        }
    }

    /// api.js now listens; returns the commands to replay.
    pub(crate) fn start_listening(&mut self) -> Vec<String> {
        self.listening = true;
        std::mem::take(&mut self.stashed)
    }

    /// Takes over the state the inline bootstrap kept for an adopted frame.
    pub(crate) fn adopt(
        &mut self,
        listening: bool,
        handshakes: u32,
        stash: Vec<String>,
        rejected: u32,
    ) {
        self.listening = listening;
        for _ in 0..handshakes {
            self.pending.push_back(Slot::Handshake);
        }
        self.stashed = stash;
        self.rejected = self.rejected.saturating_add(rejected);
    }

    /// Queues a call; returns its id and the receiver of its reply.
    pub(crate) fn push_call(&mut self) -> (u64, oneshot::Receiver<Option<Value>>) {
        let (reply, rx) = oneshot::channel();
        self.next_id += 1;
        let id = self.next_id;
        self.pending.push_back(Slot::Call { id, reply });
        (id, rx)
    }

    /// Forgets a call that was never sent.
    pub(crate) fn cancel_call(&mut self, id: u64) {
        self.pending
            .retain(|s| !matches!(s, Slot::Call { id: i, .. } if *i == id));
    }

    /// The call `id` timed out: takes it and everything ahead of it off the model and returns
    /// how many synthetic replies api.js needs to drop them too. Their real replies, if they
    /// still come before `late_until`, are dropped.
    pub(crate) fn unstick(&mut self, id: u64, late_until: f64) -> u32 {
        let Some(pos) = self
            .pending
            .iter()
            .position(|s| matches!(s, Slot::Call { id: i, .. } if *i == id))
        else {
            return 0;
        };
        let n = u32::try_from(pos + 1).unwrap_or(u32::MAX);
        self.pending.drain(..=pos);
        self.late = self.late.saturating_add(n);
        self.late_until = late_until;
        n
    }

    /// Until when new calls should wait for late replies (none: `None`).
    pub(crate) fn quarantine(&self, now: f64) -> Option<f64> {
        (self.late > 0 && now < self.late_until).then_some(self.late_until)
    }

    /// Fails every pending call (the frame is going away).
    pub(crate) fn close(&mut self) {
        self.pending.clear();
        self.stashed.clear();
        self.listening = false;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn reply(data: Value) -> Incoming {
        Incoming::MethodReturn {
            frame_id: "f".into(),
            data: Some(data),
        }
    }

    fn command(name: &str) -> Incoming {
        Incoming::CallCommand {
            frame_id: "f".into(),
            name: name.into(),
            data: None,
        }
    }

    #[test]
    fn replies_resolve_calls_in_order_after_the_handshake() {
        let mut c = ChannelState::default();
        // The frame asks for its config before api.js listens: held back, then replayed.
        assert_eq!(
            c.accept(command("setConfig"), "raw", false, 0.0),
            Verdict::Block
        );
        assert_eq!(c.start_listening(), vec!["raw".to_string()]);
        assert_eq!(
            c.accept(command("setConfig"), "raw", true, 0.0),
            Verdict::Pass
        );
        let (_, mut rx) = c.push_call();
        assert_eq!(
            c.accept(reply(json!({"src": 1})), "", false, 0.0),
            Verdict::PassHandshakeDone
        );
        assert_eq!(rx.try_recv().ok().flatten(), None);
        assert_eq!(c.accept(reply(json!([1])), "", false, 0.0), Verdict::Pass);
        assert_eq!(rx.try_recv().ok().flatten(), Some(Some(json!([1]))));
        // Nothing pending: a stray reply is kept from api.js.
        assert_eq!(c.accept(reply(json!(2)), "", false, 0.0), Verdict::Block);
    }

    #[test]
    fn only_the_frames_own_commands_pass() {
        let mut c = ChannelState::default();
        c.start_listening();
        assert_eq!(
            c.accept(command("destroyFrame"), "", false, 0.0),
            Verdict::Block
        );
        assert_eq!(
            c.accept(command("initFrame"), "", false, 0.0),
            Verdict::Block
        );
        assert_eq!(
            c.accept(command("setIsLoaded"), "", false, 0.0),
            Verdict::Pass
        );
    }

    #[test]
    fn a_timed_out_call_unsticks_the_queue_and_its_late_reply_is_dropped() {
        let mut c = ChannelState::default();
        c.start_listening();
        let (slow, _rx) = c.push_call();
        assert_eq!(c.unstick(slow, 100.0), 1);
        assert_eq!(c.quarantine(50.0), Some(100.0));
        // The late answer arrives within the grace period and is dropped.
        assert_eq!(
            c.accept(reply(json!("late")), "", false, 60.0),
            Verdict::Block
        );
        assert_eq!(c.quarantine(60.0), None);
        let (_, mut rx) = c.push_call();
        assert_eq!(
            c.accept(reply(json!("fresh")), "", false, 70.0),
            Verdict::Pass
        );
        assert_eq!(rx.try_recv().ok().flatten(), Some(Some(json!("fresh"))));
    }

    #[test]
    fn a_late_reply_after_the_grace_period_is_not_mistaken() {
        let mut c = ChannelState::default();
        c.start_listening();
        let (slow, _rx) = c.push_call();
        c.unstick(slow, 100.0);
        let (_, mut rx) = c.push_call();
        assert_eq!(
            c.accept(reply(json!("next")), "", false, 200.0),
            Verdict::Pass
        );
        assert_eq!(rx.try_recv().ok().flatten(), Some(Some(json!("next"))));
    }

    #[test]
    fn unsticking_counts_the_handshake_ahead_of_the_call() {
        let mut c = ChannelState::default();
        c.start_listening();
        c.accept(command("setConfig"), "", false, 0.0);
        let (id, _rx) = c.push_call();
        assert_eq!(c.unstick(id, 10.0), 2);
        assert_eq!(c.unstick(id, 10.0), 0);
    }
}
