//! Dependency parser: greedy arc-hybrid transitions (shift, left-arc,
//! right-arc, with the root at the end of the buffer so a sentence gets one
//! root) chosen by an averaged perceptron, and each arc's relation chosen by
//! a second perceptron once the arc is made. Trained with the dynamic oracle
//! of Goldberg and Nivre (2013): after the first epoch the parser follows its
//! own predictions and learns the best move from wherever it stands.
//!
//! A step looks at a fixed number of places (the top three of the stack, the
//! first three of the buffer and the outermost children of the first two),
//! so parsing is linear in the sentence. Longer sentences than
//! [`WINDOW`] words are parsed in windows of that many, the roots of later
//! windows attached to the first with the relation `dep`.

use super::conllu::Sentence;
use super::perceptron::{
    Dense, DenseTraining, Fnv, Reader, Shuffle, Training, Weights, best, put_str,
};
use super::tagger::normal;

/// The longest stretch parsed as one tree.
pub const WINDOW: usize = 256;

const SHIFT: u16 = 0;
const LEFT: u16 = 1;
const RIGHT: u16 = 2;
const MOVES: usize = 3;

/// The move classifier's table has `2^MOVE_BITS` rows.
const MOVE_BITS: u32 = 20;

/// No word (a place past either end, a missing child).
const NONE: usize = usize::MAX;

/// One word's attachment: `head` is 0 for the root, else the 1-based index
/// of the head word; `label` indexes [`Parser::label`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Attachment {
    pub head: usize,
    pub label: u16,
}

/// A trained parser.
#[derive(Debug, Clone, Default)]
pub struct Parser {
    labels: Vec<String>,
    moves: Dense,
    relations: Weights,
}

/// Mixes feature parts into one key.
#[inline]
fn key(template: u8, parts: &[u64]) -> u64 {
    let mut h = (u64::from(template) + 1).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    for &p in parts {
        h = (h ^ p).wrapping_mul(0xff51_afd7_ed55_8ccd).rotate_left(31);
    }
    h
}

/// What the features see of each word, hashed once per sentence.
struct Words {
    word: Vec<u64>,
    tag: Vec<u64>,
}

const W_NONE: u64 = 1;
const W_ROOT: u64 = 2;

impl Words {
    fn new(words: &[&str], tags: &[&str]) -> Words {
        let mut word: Vec<u64> = words.iter().map(|w| word_key(w)).collect();
        let mut tag: Vec<u64> = tags.iter().map(|t| Fnv::new(1).str(t).0).collect();
        word.push(W_ROOT);
        tag.push(W_ROOT);
        Words { word, tag }
    }
    fn w(&self, i: usize) -> u64 {
        self.word.get(i).copied().unwrap_or(W_NONE)
    }
    fn t(&self, i: usize) -> u64 {
        self.tag.get(i).copied().unwrap_or(W_NONE)
    }
}

/// The key of a word as the tagger normalises it ([`normal`]), without
/// building the string: digits folded, the rest lower-cased.
fn word_key(w: &str) -> u64 {
    if w.bytes().any(|b| b.is_ascii_digit()) {
        return Fnv::new(0).str(&normal(w)).0;
    }
    let mut h = Fnv::new(0);
    let mut buf = [0u8; 4];
    for c in w.chars() {
        for l in c.to_lowercase() {
            h = l.encode_utf8(&mut buf).bytes().fold(h, Fnv::byte);
        }
    }
    h.byte(0xff).0
}

/// A parser configuration: the stack, the buffer's first word (the root is
/// the last place, `n`), and the arcs made so far.
struct State {
    n: usize,
    stack: Vec<usize>,
    b: usize,
    head: Vec<usize>,
    label: Vec<u16>,
    /// Leftmost two and rightmost two children.
    l1: Vec<usize>,
    l2: Vec<usize>,
    r1: Vec<usize>,
    r2: Vec<usize>,
    nl: Vec<u8>,
    nr: Vec<u8>,
    /// The set of relations on each side, as bits.
    lset: Vec<u64>,
    rset: Vec<u64>,
}

impl State {
    fn new(n: usize) -> State {
        let m = n + 1;
        State {
            n,
            stack: Vec::new(),
            b: 0,
            head: vec![NONE; m],
            label: vec![0; m],
            l1: vec![NONE; m],
            l2: vec![NONE; m],
            r1: vec![NONE; m],
            r2: vec![NONE; m],
            nl: vec![0; m],
            nr: vec![0; m],
            lset: vec![0; m],
            rset: vec![0; m],
        }
    }

    fn done(&self) -> bool {
        self.stack.is_empty() && self.b >= self.n
    }

    fn s(&self, k: usize) -> usize {
        self.stack
            .len()
            .checked_sub(k + 1)
            .map_or(NONE, |i| self.stack[i])
    }

    fn valid(&self, m: u16) -> bool {
        match m {
            SHIFT => self.b < self.n,
            LEFT => !self.stack.is_empty() && (self.b < self.n || self.stack.len() == 1),
            RIGHT => self.stack.len() >= 2,
            _ => false,
        }
    }

    /// The head and dependent of an arc move.
    fn arc(&self, m: u16) -> (usize, usize) {
        let s0 = self.s(0);
        if m == LEFT {
            (self.b, s0)
        } else {
            (self.s(1), s0)
        }
    }

    fn apply(&mut self, m: u16, label: u16) {
        if m == SHIFT {
            self.stack.push(self.b);
            self.b += 1;
            return;
        }
        let (h, d) = self.arc(m);
        self.stack.pop();
        self.head[d] = h;
        self.label[d] = label;
        let bit = 1u64 << (label % 64);
        if d < h {
            // Left children arrive nearest first: the newest is leftmost.
            self.l2[h] = self.l1[h];
            self.l1[h] = d;
            self.nl[h] = self.nl[h].saturating_add(1);
            self.lset[h] |= bit;
        } else {
            self.r2[h] = self.r1[h];
            self.r1[h] = d;
            self.nr[h] = self.nr[h].saturating_add(1);
            self.rset[h] |= bit;
        }
    }

    fn at(v: &[usize], i: usize) -> usize {
        if i == NONE { NONE } else { v[i] }
    }

    fn lab(&self, i: usize) -> u64 {
        if i == NONE {
            W_NONE
        } else {
            u64::from(self.label[i]) + 16
        }
    }
}

/// Distance as a small number of bins.
fn bin(d: usize) -> u64 {
    match d {
        0..=4 => d as u64,
        5..=7 => 5,
        8..=12 => 6,
        _ => 7,
    }
}

/// The features of a configuration, for the move classifier.
fn move_features(x: &Words, st: &State, out: &mut Vec<u64>) {
    out.clear();
    let (s0, s1, s2) = (st.s(0), st.s(1), st.s(2));
    let b0 = st.b;
    let b1 = if b0 < st.n { b0 + 1 } else { NONE };
    let b2 = if b0 + 1 < st.n { b0 + 2 } else { NONE };
    let w = |i: usize| if i == NONE { W_NONE } else { x.w(i) };
    let t = |i: usize| if i == NONE { W_NONE } else { x.t(i) };
    let s0l1 = State::at(&st.l1, s0);
    let s0l2 = State::at(&st.l2, s0);
    let s0r1 = State::at(&st.r1, s0);
    let s0r2 = State::at(&st.r2, s0);
    let s1l1 = State::at(&st.l1, s1);
    let s1r1 = State::at(&st.r1, s1);
    let b0l1 = State::at(&st.l1, b0);
    let b0l2 = State::at(&st.l2, b0);
    let (ws0, ts0, ws1, ts1, wb0, tb0) = (w(s0), t(s0), w(s1), t(s1), w(b0), t(b0));
    let (wb1, tb1, tb2) = (w(b1), t(b1), t(b2));
    let d = if s0 == NONE { 8 } else { bin(b0 - s0) };
    let d01 = if s1 == NONE { 8 } else { bin(s0 - s1) };
    let (nl0, nr0) = if s0 == NONE {
        (9, 9)
    } else {
        (u64::from(st.nl[s0]), u64::from(st.nr[s0]))
    };
    let nlb = u64::from(st.nl[b0]);
    let nr1 = if s1 == NONE { 9 } else { u64::from(st.nr[s1]) };
    let set = |v: &[u64], i: usize| if i == NONE { 0 } else { v[i] };
    let after_s0 = if s0 == NONE || s0 + 1 >= b0 {
        NONE
    } else {
        s0 + 1
    };
    let before_b0 = if s0 == NONE || b0 <= s0 + 1 {
        NONE
    } else {
        b0 - 1
    };
    let feats: [(u8, &[u64]); 92] = [
        (0, &[]),
        (1, &[ws0]),
        (2, &[ts0]),
        (3, &[ws0, ts0]),
        (4, &[ws1]),
        (5, &[ts1]),
        (6, &[ws1, ts1]),
        (7, &[w(s2)]),
        (8, &[t(s2)]),
        (9, &[wb0]),
        (10, &[tb0]),
        (11, &[wb0, tb0]),
        (12, &[wb1]),
        (13, &[tb1]),
        (14, &[wb1, tb1]),
        (15, &[w(b2)]),
        (16, &[tb2]),
        (17, &[w(s0l1)]),
        (18, &[t(s0l1)]),
        (19, &[st.lab(s0l1)]),
        (20, &[t(s0l2)]),
        (21, &[st.lab(s0l2)]),
        (22, &[w(s0r1)]),
        (23, &[t(s0r1)]),
        (24, &[st.lab(s0r1)]),
        (25, &[t(s0r2)]),
        (26, &[st.lab(s0r2)]),
        (27, &[t(s1l1)]),
        (28, &[st.lab(s1l1)]),
        (29, &[w(s1r1)]),
        (30, &[t(s1r1)]),
        (31, &[st.lab(s1r1)]),
        (32, &[w(b0l1)]),
        (33, &[t(b0l1)]),
        (34, &[st.lab(b0l1)]),
        (35, &[t(b0l2)]),
        (36, &[st.lab(b0l2)]),
        (37, &[ws0, ts0, wb0, tb0]),
        (38, &[ws0, ts0, wb0]),
        (39, &[ws0, wb0, tb0]),
        (40, &[ws0, ts0, tb0]),
        (41, &[ts0, wb0, tb0]),
        (42, &[ws0, wb0]),
        (43, &[ts0, tb0]),
        (44, &[tb0, tb1]),
        (45, &[ts0, ts1]),
        (46, &[ws0, ws1]),
        (47, &[ws0, ts0, ts1]),
        (48, &[ts0, ws1, ts1]),
        (49, &[ts1, tb0]),
        (50, &[ws1, wb0]),
        (51, &[tb0, tb1, tb2]),
        (52, &[ts0, tb0, tb1]),
        (53, &[ts1, ts0, tb0]),
        (54, &[ts0, t(s0l1), tb0]),
        (55, &[ts0, t(s0r1), tb0]),
        (56, &[ts0, tb0, t(b0l1)]),
        (57, &[ts0, t(s0l1), t(s0l2)]),
        (58, &[ts0, t(s0r1), t(s0r2)]),
        (59, &[tb0, t(b0l1), t(b0l2)]),
        (60, &[ts1, t(s1r1), ts0]),
        (61, &[ts1, t(s1l1), ts0]),
        (62, &[t(s2), ts1, ts0]),
        (63, &[ws0, d]),
        (64, &[ts0, d]),
        (65, &[wb0, d]),
        (66, &[tb0, d]),
        (67, &[ts0, tb0, d]),
        (68, &[ws0, wb0, d]),
        (69, &[ts1, ts0, d01]),
        (70, &[ws0, nl0]),
        (71, &[ws0, nr0]),
        (72, &[ts0, nl0]),
        (73, &[ts0, nr0]),
        (74, &[wb0, nlb]),
        (75, &[tb0, nlb]),
        (76, &[ts1, nr1]),
        (77, &[ws0, set(&st.lset, s0)]),
        (78, &[ts0, set(&st.lset, s0)]),
        (79, &[ws0, set(&st.rset, s0)]),
        (80, &[ts0, set(&st.rset, s0)]),
        (81, &[wb0, set(&st.lset, b0)]),
        (82, &[tb0, set(&st.lset, b0)]),
        (83, &[ts1, set(&st.rset, s1)]),
        (84, &[ts0, t(after_s0), tb0]),
        (85, &[ts0, t(before_b0), tb0]),
        (86, &[ts0, tb0, st.lab(b0l1)]),
        (87, &[ws1, ts0, tb0]),
        (88, &[ws0, st.lab(s0r1), st.lab(s0r2)]),
        (89, &[ws0, st.lab(s0l1), st.lab(s0l2)]),
        (90, &[tb0, st.lab(b0l1), st.lab(b0l2)]),
        (91, &[ts0, tb0, tb1, tb2]),
    ];
    out.extend(feats.iter().map(|(k, p)| key(*k, p)));
}

/// The features of an arc from `h` to `d`, for the relation classifier.
fn relation_features(x: &Words, st: &State, h: usize, d: usize, out: &mut Vec<u64>) {
    out.clear();
    let w = |i: usize| if i == NONE { W_NONE } else { x.w(i) };
    let t = |i: usize| if i == NONE { W_NONE } else { x.t(i) };
    let (wh, th, wd, td) = (w(h), t(h), w(d), t(d));
    let left = u64::from(d < h);
    let dist = bin(d.abs_diff(h));
    // The sibling nearest the dependent on its side, made before it.
    let sib = if d < h { st.l1[h] } else { st.r1[h] };
    let dl1 = st.l1[d];
    let dr1 = st.r1[d];
    let before = if d == 0 { NONE } else { d - 1 };
    let feats: [(u8, &[u64]); 22] = [
        (0, &[]),
        (1, &[wh]),
        (2, &[th]),
        (3, &[wd]),
        (4, &[td]),
        (5, &[th, td]),
        (6, &[wh, td]),
        (7, &[th, wd]),
        (8, &[wh, wd]),
        (9, &[left, th, td]),
        (10, &[dist, th, td]),
        (11, &[st.lset[d], td]),
        (12, &[st.rset[d], td]),
        (13, &[st.lab(dl1), td]),
        (14, &[st.lab(dr1), td]),
        (15, &[st.lab(sib), th, td]),
        (16, &[w(dl1), td, th]),
        (17, &[t(before), td]),
        (18, &[t(d + 1), td]),
        (19, &[left, wd, th]),
        (20, &[left, wh, td]),
        (21, &[u64::from(st.nl[d]), u64::from(st.nr[d]), td]),
    ];
    out.extend(feats.iter().map(|(k, p)| key(*k, p)));
}

/// The best valid move by score.
fn best_valid(st: &State, scores: &[f32]) -> u16 {
    let mut b = None;
    for m in 0..MOVES as u16 {
        if st.valid(m) && b.is_none_or(|b: u16| scores[m as usize] > scores[b as usize]) {
            b = Some(m);
        }
    }
    b.unwrap_or(SHIFT)
}

impl Parser {
    /// The relation name of a label.
    pub fn label(&self, label: u16) -> &str {
        self.labels
            .get(label as usize)
            .map_or("dep", String::as_str)
    }

    pub fn is_empty(&self) -> bool {
        self.labels.is_empty()
    }

    fn label_of(&self, name: &str) -> u16 {
        self.labels
            .iter()
            .position(|l| l == name)
            .map_or(0, |i| i as u16)
    }

    /// Parses one sentence from its words and their tags (one tag string
    /// per word, as given in training).
    pub fn parse(&self, words: &[&str], tags: &[&str]) -> Vec<Attachment> {
        let n = words.len().min(tags.len());
        let mut out = Vec::with_capacity(n);
        let dep = self.label_of("dep");
        let mut first_root = 0;
        let mut start = 0;
        while start < n {
            let end = (start + WINDOW).min(n);
            let window = self.parse_window(&words[start..end], &tags[start..end]);
            for a in window {
                if a.head == 0 {
                    if first_root == 0 {
                        first_root = out.len() + 1;
                        out.push(a);
                    } else {
                        out.push(Attachment {
                            head: first_root,
                            label: dep,
                        });
                    }
                } else {
                    out.push(Attachment {
                        head: a.head + start,
                        label: a.label,
                    });
                }
            }
            start = end;
        }
        out
    }

    fn parse_window(&self, words: &[&str], tags: &[&str]) -> Vec<Attachment> {
        let n = words.len();
        if self.is_empty() {
            return (0..n)
                .map(|i| Attachment {
                    head: usize::from(i > 0),
                    label: 0,
                })
                .collect();
        }
        let x = Words::new(words, tags);
        let mut st = State::new(n);
        let mut feats = Vec::with_capacity(96);
        let mut scores = [0f32; MOVES];
        let mut lscores = vec![0f32; self.labels.len()];
        let root = self.label_of("root");
        while !st.done() {
            move_features(&x, &st, &mut feats);
            self.moves.score(&feats, &mut scores);
            let m = best_valid(&st, &scores);
            let label = if m == SHIFT {
                0
            } else {
                let (h, d) = st.arc(m);
                self.relation(&x, &st, h, d, root, &mut feats, &mut lscores)
            };
            st.apply(m, label);
        }
        st.head[..n]
            .iter()
            .zip(&st.label)
            .map(|(&h, &label)| Attachment {
                head: if h >= n { 0 } else { h + 1 },
                label,
            })
            .collect()
    }

    #[allow(clippy::too_many_arguments, reason = "scratch buffers passed down")]
    fn relation(
        &self,
        x: &Words,
        st: &State,
        h: usize,
        d: usize,
        root: u16,
        feats: &mut Vec<u64>,
        scores: &mut [f32],
    ) -> u16 {
        if h == st.n {
            return root;
        }
        relation_features(x, st, h, d, feats);
        self.relations.score(feats, scores);
        scores[root as usize] = f32::NEG_INFINITY;
        best(scores)
    }

    /// The model as bytes ([`Parser::from_bytes`] reads them back).
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = b"claimcheck-parser-2\n".to_vec();
        out.extend_from_slice(&(self.labels.len() as u32).to_le_bytes());
        for l in &self.labels {
            put_str(&mut out, l);
        }
        self.moves.write(&mut out);
        self.relations.write(&mut out);
        out
    }

    /// Reads a model written by [`Parser::to_bytes`].
    pub fn from_bytes(bytes: &[u8]) -> Result<Parser, String> {
        let mut r = Reader::new(bytes);
        if r.take(20)? != b"claimcheck-parser-2\n" {
            return Err("not a claimcheck parser model".into());
        }
        let n = r.u32()? as usize;
        if n == 0 || n > 64 {
            return Err("the parser needs 1 to 64 relations".into());
        }
        let mut labels = Vec::with_capacity(n);
        for _ in 0..n {
            labels.push(r.string()?);
        }
        let moves = Dense::read(&mut r, MOVES)?;
        let relations = Weights::read(&mut r, n)?;
        if r.remaining() != 0 {
            return Err("bytes after the model".into());
        }
        Ok(Parser {
            labels,
            moves,
            relations,
        })
    }
}

/// The cost of a move: how many gold arcs it makes unreachable.
fn cost(st: &State, gold: &[usize], on_stack: &[bool], m: u16) -> usize {
    let b = st.b;
    let s0 = st.s(0);
    // Gold dependents of `i` still in the buffer.
    let buffer_deps = |i: usize| (b..st.n).filter(|&d| gold[d] == i).count();
    match m {
        SHIFT => {
            let deps = st.stack.iter().filter(|&&d| gold[d] == b).count();
            let head = gold[b] != s0 && gold[b] < st.n && on_stack[gold[b]];
            deps + usize::from(head)
        }
        LEFT => {
            let g = gold[s0];
            let lost = g != b && (g == st.s(1) || g > b);
            buffer_deps(s0) + usize::from(lost)
        }
        _ => {
            let g = gold[s0];
            let lost = g != st.s(1) && g >= b;
            buffer_deps(s0) + usize::from(lost)
        }
    }
}

/// Trains a parser on treebank sentences whose tags are `tags` (one string
/// per word; give the tagger's predictions for the training text so the
/// parser learns from the tags it will see).
pub fn train(sentences: &[Sentence], tags: &[Vec<String>], epochs: usize, prune: f32) -> Parser {
    let mut labels: Vec<String> = sentences
        .iter()
        .flat_map(|s| s.words.iter().map(|w| w.deprel.clone()))
        .chain(["dep".to_string(), "root".to_string()])
        .collect();
    labels.sort();
    labels.dedup();
    labels.truncate(64);
    let label_of = |name: &str| labels.iter().position(|l| l == name).unwrap_or(0) as u16;
    let root = label_of("root");
    let mut moves = DenseTraining::new(MOVE_BITS, MOVES);
    let mut relations = Training::default();
    let mut order: Vec<usize> = (0..sentences.len())
        .filter(|&i| {
            sentences[i].words.len() <= WINDOW && tags[i].len() == sentences[i].words.len()
        })
        .collect();
    let mut shuffle = Shuffle::default();
    let mut feats = Vec::with_capacity(96);
    let mut scores = [0f32; MOVES];
    let mut lscores = vec![0f32; labels.len()];
    for epoch in 0..epochs {
        shuffle.shuffle(&mut order);
        for &si in &order {
            let s = &sentences[si];
            let n = s.words.len();
            let forms: Vec<&str> = s.words.iter().map(|w| w.form.as_str()).collect();
            let tag: Vec<&str> = tags[si].iter().map(String::as_str).collect();
            let x = Words::new(&forms, &tag);
            let gold: Vec<usize> = s
                .words
                .iter()
                .map(|w| if w.head == 0 { n } else { w.head - 1 })
                .chain([NONE])
                .collect();
            let gold_label: Vec<u16> = s.words.iter().map(|w| label_of(&w.deprel)).collect();
            let mut st = State::new(n);
            let mut on_stack = vec![false; n + 1];
            while !st.done() {
                move_features(&x, &st, &mut feats);
                moves.score(&feats, &mut scores);
                let guess = best_valid(&st, &scores);
                let costs: Vec<Option<usize>> = (0..MOVES as u16)
                    .map(|m| st.valid(m).then(|| cost(&st, &gold, &on_stack, m)))
                    .collect();
                let least = costs.iter().flatten().min().copied().unwrap_or(0);
                let mut right = None;
                for m in 0..MOVES as u16 {
                    if costs[m as usize] == Some(least)
                        && right.is_none_or(|r: u16| scores[m as usize] > scores[r as usize])
                    {
                        right = Some(m);
                    }
                }
                let right = right.unwrap_or(guess);
                moves.tick();
                if costs[guess as usize] != Some(least) {
                    moves.update(&feats, right, guess);
                }
                // After the first epoch, follow the model's own move, right or
                // wrong, so it learns what to do after its mistakes.
                let explore = epoch > 0;
                let m = if explore { guess } else { right };
                let label = if m == SHIFT {
                    0
                } else {
                    let (h, d) = st.arc(m);
                    if h == n {
                        root
                    } else {
                        relation_features(&x, &st, h, d, &mut feats);
                        relations.score(&feats, &mut lscores);
                        lscores[root as usize] = f32::NEG_INFINITY;
                        let guess = best(&lscores);
                        if gold[d] == h {
                            relations.tick();
                            relations.update(&feats, gold_label[d], guess);
                        }
                        guess
                    }
                };
                match m {
                    SHIFT => on_stack[st.b] = true,
                    _ => on_stack[st.s(0)] = false,
                }
                st.apply(m, label);
            }
        }
    }
    Parser {
        moves: moves.finish(),
        relations: relations.finish(prune),
        labels,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_keys_are_those_of_the_normal_form() {
        for w in ["Gomel", "ÉTAT", "2022", "U.S.-led", "n't", "Straße"] {
            assert_eq!(word_key(w), Fnv::new(0).str(&normal(w)).0, "{w}");
        }
    }

    #[test]
    fn windows_give_one_root_and_heads_in_range() {
        let p = Parser::default();
        let words = vec!["word"; WINDOW * 2 + 7];
        let a = p.parse(&words, &words);
        assert_eq!(a.len(), words.len());
        assert_eq!(a.iter().filter(|a| a.head == 0).count(), 1);
        assert!(a.iter().all(|a| a.head <= words.len()));
    }
}
