//! The averaged perceptron the tagger and the parser share: hashed feature
//! keys (FNV-1a over a template number and its strings, no allocation), a
//! short list of (class, weight) per key, training with lazily updated
//! running totals for the average, and the model's byte format.

use rustc_hash::FxHashMap;

/// 64-bit FNV-1a, fed piece by piece.
#[derive(Debug, Clone, Copy)]
pub struct Fnv(pub u64);

impl Fnv {
    /// A key for feature template `template`.
    pub fn new(template: u8) -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325).byte(template)
    }
    pub fn byte(self, b: u8) -> Fnv {
        Fnv((self.0 ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
    }
    pub fn str(self, s: &str) -> Fnv {
        s.bytes().fold(self, Fnv::byte).byte(0xff)
    }
    pub fn num(self, n: u16) -> Fnv {
        self.byte((n >> 8) as u8).byte(n as u8).byte(0xfe)
    }
}

/// Trained weights: feature key (folded to 32 bits: the few keys that then
/// collide share their weights) → (class, weight). Flat: one table from key
/// to its rank among the keys, and every key's (class, weight) list laid end
/// to end, so a model costs about 14 bytes a key and 8 a weight in memory (a
/// boxed list per key cost about 60 and 8), and a look-up still reads one
/// table slot and one run of entries.
#[derive(Debug, Clone, Default)]
pub struct Weights {
    /// Key → the range of its entries in `entries`.
    range: FxHashMap<u32, [u32; 2]>,
    entries: Vec<(u16, f32)>,
}

/// A feature key folded to 32 bits.
#[inline]
fn short(k: u64) -> u32 {
    (k ^ (k >> 32)) as u32
}

impl Weights {
    /// Weights from (key, entries) pairs.
    fn from_lists(lists: Vec<(u32, Vec<(u16, f32)>)>) -> Weights {
        let mut w = Weights::default();
        w.range.reserve(lists.len());
        for (k, ws) in lists {
            let start = w.entries.len() as u32;
            w.entries.extend(ws);
            w.range.insert(k, [start, w.entries.len() as u32]);
        }
        w.entries.shrink_to_fit();
        w
    }

    /// The entries of one key.
    #[inline]
    fn entries(&self, [start, end]: [u32; 2]) -> &[(u16, f32)] {
        &self.entries[start as usize..end as usize]
    }

    /// Adds the weights of `features` to `scores` (one per class).
    pub fn score(&self, features: &[u64], scores: &mut [f32]) {
        scores.iter_mut().for_each(|s| *s = 0.0);
        for f in features {
            if let Some(&r) = self.range.get(&short(*f)) {
                for &(c, w) in self.entries(r) {
                    if let Some(s) = scores.get_mut(c as usize) {
                        *s += w;
                    }
                }
            }
        }
    }

    pub fn len(&self) -> usize {
        self.range.len()
    }

    pub fn is_empty(&self) -> bool {
        self.range.is_empty()
    }

    /// Appends the weights, keys in order (the same model gives the same
    /// bytes).
    pub fn write(&self, out: &mut Vec<u8>) {
        let mut keys: Vec<(u32, [u32; 2])> = self.range.iter().map(|(k, r)| (*k, *r)).collect();
        keys.sort_unstable();
        out.extend_from_slice(&(keys.len() as u32).to_le_bytes());
        for (k, r) in keys {
            let ws = self.entries(r);
            out.extend_from_slice(&k.to_le_bytes());
            out.push(ws.len() as u8);
            for &(c, w) in ws {
                out.extend_from_slice(&c.to_le_bytes());
                out.extend_from_slice(&w.to_le_bytes());
            }
        }
    }

    /// Reads what [`Weights::write`] wrote; every class below `classes`.
    pub fn read(r: &mut Reader<'_>, classes: usize) -> Result<Weights, String> {
        let n = r.u32()? as usize;
        let mut w = Weights::default();
        // A key takes at least 5 bytes: a count beyond what is left is a
        // damaged file, found below, not a reason to reserve gigabytes.
        w.range.reserve(n.min(r.remaining() / 5));
        for _ in 0..n {
            let k = r.u32()?;
            let m = r.take(1)?[0] as usize;
            let start = w.entries.len() as u32;
            for _ in 0..m {
                let c = r.u16()?;
                if c as usize >= classes {
                    return Err("class out of range".into());
                }
                w.entries.push((c, r.f32()?));
            }
            if w.range.insert(k, [start, w.entries.len() as u32]).is_some() {
                return Err("a key given twice".into());
            }
        }
        w.entries.shrink_to_fit();
        Ok(w)
    }
}

/// Weights in a table of `2^bits` rows of one weight per class, the row of
/// a feature picked by its key (collisions share a row), each weight a
/// 16-bit multiple of `scale`: scoring a feature reads one cache line, for
/// classifiers with few classes.
#[derive(Debug, Clone, Default)]
pub struct Dense {
    bits: u32,
    cols: usize,
    scale: f32,
    w: Vec<i16>,
}

/// The first weight of a feature's row.
#[inline]
fn row(key: u64, bits: u32, cols: usize) -> usize {
    (key.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> (64 - bits)) as usize * cols
}

impl Dense {
    /// Adds the weights of `features` to `scores` (one per class, at most
    /// four).
    pub fn score(&self, features: &[u64], scores: &mut [f32]) {
        let mut acc = [0i32; 4];
        if !self.w.is_empty() {
            for &f in features {
                let r = row(f, self.bits, self.cols);
                for (a, &w) in acc.iter_mut().zip(&self.w[r..r + self.cols]) {
                    *a += i32::from(w);
                }
            }
        }
        for (s, a) in scores.iter_mut().zip(acc) {
            *s = a as f32 * self.scale;
        }
    }

    pub fn is_empty(&self) -> bool {
        self.w.is_empty()
    }

    /// Appends the table: its shape, its scale, then every weight.
    pub fn write(&self, out: &mut Vec<u8>) {
        out.push(self.bits as u8);
        out.push(self.cols as u8);
        out.extend_from_slice(&self.scale.to_le_bytes());
        for w in &self.w {
            out.extend_from_slice(&w.to_le_bytes());
        }
    }

    /// Reads what [`Dense::write`] wrote, for `cols` classes.
    pub fn read(r: &mut Reader<'_>, cols: usize) -> Result<Dense, String> {
        let bits = u32::from(r.take(1)?[0]);
        if r.take(1)?[0] as usize != cols || !(1..=26).contains(&bits) || !(1..=4).contains(&cols) {
            return Err("the weight table has the wrong shape".into());
        }
        let scale = r.f32()?;
        let size = (1usize << bits) * cols;
        let w = r
            .take(size * 2)?
            .chunks_exact(2)
            .map(|b| i16::from_le_bytes([b[0], b[1]]))
            .collect();
        Ok(Dense {
            bits,
            cols,
            scale,
            w,
        })
    }
}

/// A [`Dense`] table being trained.
#[derive(Debug)]
pub struct DenseTraining {
    bits: u32,
    cols: usize,
    w: Vec<f32>,
    total: Vec<f64>,
    at: Vec<u64>,
    now: u64,
}

impl DenseTraining {
    pub fn new(bits: u32, cols: usize) -> DenseTraining {
        let size = (1usize << bits) * cols;
        DenseTraining {
            bits,
            cols,
            w: vec![0.0; size],
            total: vec![0.0; size],
            at: vec![0; size],
            now: 0,
        }
    }

    /// Counts one training example.
    pub fn tick(&mut self) {
        self.now += 1;
    }

    /// The current (not averaged) scores of `features`.
    pub fn score(&self, features: &[u64], scores: &mut [f32]) {
        scores.iter_mut().for_each(|s| *s = 0.0);
        for &f in features {
            let r = row(f, self.bits, self.cols);
            for (s, w) in scores.iter_mut().zip(&self.w[r..r + self.cols]) {
                *s += w;
            }
        }
    }

    /// Moves the weights of `features` towards `gold` and away from `guess`.
    pub fn update(&mut self, features: &[u64], gold: u16, guess: u16) {
        if gold == guess {
            return;
        }
        for &f in features {
            let r = row(f, self.bits, self.cols);
            for (class, delta) in [(gold, 1.0f32), (guess, -1.0)] {
                let i = r + class as usize;
                self.total[i] += f64::from(self.w[i]) * (self.now - self.at[i]) as f64;
                self.at[i] = self.now;
                self.w[i] += delta;
            }
        }
    }

    /// The averaged table, in 16 bits.
    pub fn finish(self) -> Dense {
        let now = self.now.max(1);
        let w: Vec<f32> = (0..self.w.len())
            .map(|i| {
                let total = self.total[i] + f64::from(self.w[i]) * (self.now - self.at[i]) as f64;
                (total / now as f64) as f32
            })
            .collect();
        let max = w.iter().fold(0f32, |m, v| m.max(v.abs()));
        let scale = if max > 0.0 {
            max / f32::from(i16::MAX)
        } else {
            1.0
        };
        Dense {
            bits: self.bits,
            cols: self.cols,
            scale,
            w: w.iter().map(|v| (v / scale).round() as i16).collect(),
        }
    }
}

/// One weight while training: its value, its running total for the
/// average, and when the total was last brought up to date.
#[derive(Debug, Clone, Copy)]
struct Slot {
    class: u16,
    w: f32,
    total: f64,
    at: u64,
}

/// Weights being trained.
#[derive(Debug, Default)]
pub struct Training {
    weights: FxHashMap<u64, Vec<Slot>>,
    /// The number of training examples seen, the clock of the average.
    now: u64,
}

impl Training {
    /// Counts one training example (call once per decision, before
    /// [`Training::update`]).
    pub fn tick(&mut self) {
        self.now += 1;
    }

    /// The current (not averaged) scores of `features`.
    pub fn score(&self, features: &[u64], scores: &mut [f32]) {
        scores.iter_mut().for_each(|s| *s = 0.0);
        for f in features {
            if let Some(ws) = self.weights.get(f) {
                for s in ws {
                    scores[s.class as usize] += s.w;
                }
            }
        }
    }

    /// Moves the weights of `features` towards `gold` and away from
    /// `guess`.
    pub fn update(&mut self, features: &[u64], gold: u16, guess: u16) {
        if gold == guess {
            return;
        }
        let now = self.now;
        for f in features {
            let ws = self.weights.entry(*f).or_default();
            for (class, delta) in [(gold, 1.0f32), (guess, -1.0)] {
                let p = match ws.iter().position(|s| s.class == class) {
                    Some(p) => p,
                    None => {
                        ws.push(Slot {
                            class,
                            w: 0.0,
                            total: 0.0,
                            at: now,
                        });
                        ws.len() - 1
                    }
                };
                let slot = &mut ws[p];
                slot.total += f64::from(slot.w) * (now - slot.at) as f64;
                slot.at = now;
                slot.w += delta;
            }
        }
    }

    /// The averaged weights; entries below `prune` in magnitude dropped.
    pub fn finish(self, prune: f32) -> Weights {
        let now = self.now;
        let mut keys: Vec<u64> = self.weights.keys().copied().collect();
        keys.sort_unstable();
        let mut merged: FxHashMap<u32, Vec<(u16, f32)>> = FxHashMap::default();
        for k in keys {
            let entry = merged.entry(short(k)).or_default();
            for s in &self.weights[&k] {
                let total = s.total + f64::from(s.w) * (now - s.at) as f64;
                let w = (total / now.max(1) as f64) as f32;
                match entry.iter_mut().find(|(c, _)| *c == s.class) {
                    Some((_, v)) => *v += w,
                    None => entry.push((s.class, w)),
                }
            }
        }
        let mut lists: Vec<(u32, Vec<(u16, f32)>)> = merged
            .into_iter()
            .filter_map(|(k, mut ws)| {
                ws.retain(|(_, w)| w.abs() >= prune);
                ws.sort_by_key(|(c, _)| *c);
                (!ws.is_empty()).then_some((k, ws))
            })
            .collect();
        lists.sort_unstable_by_key(|(k, _)| *k);
        Weights::from_lists(lists)
    }
}

/// The index of the highest score (the first on a tie).
pub fn best(scores: &[f32]) -> u16 {
    let mut b = 0;
    for (i, &s) in scores.iter().enumerate() {
        if s > scores[b] {
            b = i;
        }
    }
    b as u16
}

/// A fixed xorshift sequence: the same shuffles every run.
#[derive(Debug, Clone)]
pub struct Shuffle(u64);

impl Default for Shuffle {
    fn default() -> Self {
        Shuffle(0x2545_f491_4f6c_dd1d)
    }
}

impl Shuffle {
    pub fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    /// Fisher–Yates over `order`.
    pub fn shuffle<T>(&mut self, order: &mut [T]) {
        for i in (1..order.len()).rev() {
            let j = (self.next_u64() % (i as u64 + 1)) as usize;
            order.swap(i, j);
        }
    }
}

/// Appends a length-prefixed string.
pub fn put_str(out: &mut Vec<u8>, s: &str) {
    out.extend_from_slice(&(s.len() as u32).to_le_bytes());
    out.extend_from_slice(s.as_bytes());
}

/// A cursor over model bytes.
#[derive(Debug)]
pub struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    pub fn new(bytes: &'a [u8]) -> Reader<'a> {
        Reader { bytes, at: 0 }
    }
    pub fn remaining(&self) -> usize {
        self.bytes.len() - self.at
    }
    pub fn take(&mut self, n: usize) -> Result<&'a [u8], String> {
        let end = self.at.checked_add(n).filter(|&e| e <= self.bytes.len());
        let end = end.ok_or("the model is truncated")?;
        let s = &self.bytes[self.at..end];
        self.at = end;
        Ok(s)
    }
    fn array<const N: usize>(&mut self) -> Result<[u8; N], String> {
        self.take(N)?
            .try_into()
            .map_err(|_| "the model is truncated".into())
    }
    pub fn u16(&mut self) -> Result<u16, String> {
        Ok(u16::from_le_bytes(self.array()?))
    }
    pub fn u32(&mut self) -> Result<u32, String> {
        Ok(u32::from_le_bytes(self.array()?))
    }
    pub fn u64(&mut self) -> Result<u64, String> {
        Ok(u64::from_le_bytes(self.array()?))
    }
    pub fn f32(&mut self) -> Result<f32, String> {
        Ok(f32::from_le_bytes(self.array()?))
    }
    pub fn string(&mut self) -> Result<String, String> {
        let n = self.u32()? as usize;
        String::from_utf8(self.take(n)?.to_vec()).map_err(|_| "not UTF-8".into())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn training_learns_a_separable_choice_and_round_trips() {
        let mut t = Training::default();
        let mut scores = [0f32; 2];
        let examples = [([1u64, 2], 0u16), ([1, 3], 1)];
        for _ in 0..5 {
            for (f, gold) in &examples {
                t.tick();
                t.score(f, &mut scores);
                t.update(f, *gold, best(&scores));
            }
        }
        let w = t.finish(0.0);
        for (f, gold) in &examples {
            w.score(f, &mut scores);
            assert_eq!(best(&scores), *gold);
        }
        let mut bytes = Vec::new();
        w.write(&mut bytes);
        let again = Weights::read(&mut Reader::new(&bytes), 2).unwrap();
        again.score(&[1, 3], &mut scores);
        assert_eq!(best(&scores), 1);
        assert!(Weights::read(&mut Reader::new(&bytes[..bytes.len() - 2]), 2).is_err());
        assert!(Weights::read(&mut Reader::new(&bytes), 1).is_err());
        // A damaged file giving one key twice is refused, not half-read.
        let mut twice = 2u32.to_le_bytes().to_vec();
        for _ in 0..2 {
            twice.extend_from_slice(&7u32.to_le_bytes());
            twice.push(1);
            twice.extend_from_slice(&1u16.to_le_bytes());
            twice.extend_from_slice(&0.5f32.to_le_bytes());
        }
        assert_eq!(
            Weights::read(&mut Reader::new(&twice), 2).unwrap_err(),
            "a key given twice"
        );
    }
}
