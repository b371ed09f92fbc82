//! Medians, percentiles, ratios and sliding-window peaks over samples.

use std::time::Duration;

/// The median of `samples` (the mean of the middle two for an even count); `None` when empty
/// or when a sample is not a number.
pub fn median(samples: &[f64]) -> Option<f64> {
    percentile(samples, 50.0)
}

/// The `p`th percentile (0–100) of `samples` by linear interpolation between closest ranks;
/// `None` when empty, when `p` is outside 0–100, or when a sample is not a number.
pub fn percentile(samples: &[f64], p: f64) -> Option<f64> {
    if samples.is_empty() || !(0.0..=100.0).contains(&p) || samples.iter().any(|s| s.is_nan()) {
        return None;
    }
    let mut sorted = samples.to_vec();
    sorted.sort_by(f64::total_cmp);
    let rank = p / 100.0 * (sorted.len() - 1) as f64;
    let (lo, hi) = (rank.floor() as usize, rank.ceil() as usize);
    let frac = rank - lo as f64;
    Some(sorted[lo] + (sorted[hi] - sorted[lo]) * frac)
}

/// `ours / baseline`; `None` when the baseline is zero or either is not finite.
pub fn ratio(ours: f64, baseline: f64) -> Option<f64> {
    (baseline != 0.0 && ours.is_finite() && baseline.is_finite()).then(|| ours / baseline)
}

/// The most events in any window of length `window`, given event times as offsets from a
/// common start (in any order).
pub fn peak_in_window(times: &[Duration], window: Duration) -> usize {
    let mut sorted = times.to_vec();
    sorted.sort();
    let mut best = 0;
    let mut start = 0;
    for end in 0..sorted.len() {
        while sorted[end] - sorted[start] >= window {
            start += 1;
        }
        best = best.max(end - start + 1);
    }
    best
}

/// Milliseconds of a duration, as a float.
pub fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn median_of_odd_and_even_counts() {
        assert_eq!(median(&[3.0, 1.0, 2.0]), Some(2.0));
        assert_eq!(median(&[4.0, 1.0, 3.0, 2.0]), Some(2.5));
        assert_eq!(median(&[]), None);
        assert_eq!(median(&[1.0, f64::NAN]), None);
    }

    #[test]
    fn percentiles_interpolate_between_ranks() {
        let s: Vec<f64> = (1..=100).map(f64::from).collect();
        assert_eq!(percentile(&s, 0.0), Some(1.0));
        assert_eq!(percentile(&s, 100.0), Some(100.0));
        let p99 = percentile(&s, 99.0).expect("p99");
        assert!((p99 - 99.01).abs() < 1e-9, "{p99}");
        assert_eq!(percentile(&[5.0], 99.0), Some(5.0));
        assert_eq!(percentile(&s, 101.0), None);
    }

    #[test]
    fn ratio_refuses_a_zero_baseline() {
        assert_eq!(ratio(3.0, 2.0), Some(1.5));
        assert_eq!(ratio(1.0, 0.0), None);
        assert_eq!(ratio(f64::INFINITY, 1.0), None);
    }

    #[test]
    fn peak_counts_the_busiest_window() {
        let s = |v: &[u64]| {
            v.iter()
                .map(|&x| Duration::from_secs(x))
                .collect::<Vec<_>>()
        };
        let w = Duration::from_secs(60);
        assert_eq!(peak_in_window(&s(&[]), w), 0);
        assert_eq!(peak_in_window(&s(&[0, 10, 59, 60, 61, 119]), w), 4);
        assert_eq!(peak_in_window(&s(&[100, 0, 50]), w), 2);
    }
}
