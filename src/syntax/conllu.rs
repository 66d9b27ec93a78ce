//! CoNLL-U, as Universal Dependencies treebanks write it: the sentences of a
//! file with each word's form, lemma, UPOS, XPOS, head and relation.
//! Multi-word token lines ("1-2") and empty nodes ("8.1") are skipped: the
//! words are what the tagger and parser see.

/// One word of a treebank sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    pub form: String,
    pub lemma: String,
    pub upos: String,
    pub xpos: String,
    /// 0 for the root, else the 1-based index of the head word.
    pub head: usize,
    pub deprel: String,
}

/// One sentence: its comment lines (`# text = …`) and its words.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Sentence {
    pub comments: Vec<String>,
    pub words: Vec<Word>,
}

/// A line that is not CoNLL-U, with its 1-based number.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("line {line}: {message}")]
pub struct ConlluError {
    pub line: usize,
    pub message: String,
}

/// The sentences of a CoNLL-U text.
pub fn parse(text: &str) -> Result<Vec<Sentence>, ConlluError> {
    let mut out = Vec::new();
    let mut current = Sentence::default();
    for (i, line) in text.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.is_empty() {
            if !current.words.is_empty() {
                out.push(std::mem::take(&mut current));
            } else {
                current.comments.clear();
            }
            continue;
        }
        if line.starts_with('#') {
            current.comments.push(line.to_string());
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() != 10 {
            return Err(ConlluError {
                line: i + 1,
                message: format!("{} columns, not 10", cols.len()),
            });
        }
        if cols[0].contains('-') || cols[0].contains('.') {
            continue;
        }
        let head = if cols[6] == "_" {
            0
        } else {
            cols[6].parse().map_err(|_| ConlluError {
                line: i + 1,
                message: format!("head `{}` is not a number", cols[6]),
            })?
        };
        current.words.push(Word {
            form: cols[1].to_string(),
            lemma: cols[2].to_string(),
            upos: cols[3].to_string(),
            xpos: cols[4].to_string(),
            head,
            deprel: cols[7].to_string(),
        });
    }
    if !current.words.is_empty() {
        out.push(current);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_without_ranges_and_empty_nodes() {
        let text = "# text = Don't go.\n1-2\tDon't\t_\t_\t_\t_\t_\t_\t_\t_\n1\tDo\tdo\tAUX\tVB\t_\t3\taux\t_\t_\n2\tn't\tnot\tPART\tRB\t_\t3\tadvmod\t_\t_\n3\tgo\tgo\tVERB\tVB\t_\t0\troot\t_\t_\n3.1\tx\tx\tX\tX\t_\t_\t_\t_\t_\n4\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_\n\n";
        let s = parse(text).unwrap();
        assert_eq!(s.len(), 1);
        let forms: Vec<&str> = s[0].words.iter().map(|w| w.form.as_str()).collect();
        assert_eq!(forms, ["Do", "n't", "go", "."]);
        assert_eq!(s[0].words[1].lemma, "not");
        assert_eq!(s[0].words[2].head, 0);
        assert_eq!(s[0].comments, ["# text = Don't go."]);
        assert!(parse("1\ta\n").is_err());
    }
}
