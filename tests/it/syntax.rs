//! The syntax layer: the shipped model's scores on a slice of EWT test, the analysis of
//! article tokens, and `claimset parse`.

use claimset::syntax::{Deprel, Model, Upos, evaluate, read_conllu};

use super::{claimset, fixture};

/// The shipped model scores at its measured level on the committed slice of EWT test
/// (floors a little under the figures measured when the model was trained).
#[test]
fn shipped_model_scores_on_ewt_test_slice() {
    let path = fixture("syntax/en_ewt-test-slice.conllu");
    let text = std::fs::read_to_string(&path).unwrap();
    let gold = read_conllu(&text, &path.display().to_string()).unwrap();
    assert_eq!(gold.len(), 400);
    let s = evaluate(Model::embedded(), &gold);
    assert!(s.upos_pct() >= UPOS_FLOOR, "UPOS {:.2}", s.upos_pct());
    assert!(s.uas_pct() >= UAS_FLOOR, "UAS {:.2}", s.uas_pct());
    assert!(s.las_pct() >= LAS_FLOOR, "LAS {:.2}", s.las_pct());
}

const UPOS_FLOOR: f64 = 96.2;
const UAS_FLOOR: f64 = 84.3;
const LAS_FLOOR: f64 = 80.4;

/// Article tokens that UD splits (`didn't`, `minister's`, `well-known`) get one
/// analysis each, and the result is a tree.
#[test]
fn article_tokens_fold_into_one_tree() {
    let tokens = [
        "The",
        "minister’s",
        "well-known",
        "aide",
        "said",
        "he",
        "didn't",
        "know",
        ".",
    ];
    let a = Model::embedded().analyse(&tokens);
    assert_eq!(a.len(), tokens.len());
    assert_eq!(a.head.iter().filter(|&&h| h == 0).count(), 1);
    for i in 0..a.len() {
        let root = a.root().unwrap();
        assert!(a.dominates(root, i), "token {i} hangs outside the tree");
    }
    assert_eq!(a.lemma[4], "say");
    assert_eq!(a.upos[4], Upos::Verb);
    let said = 4;
    assert_eq!(a.root(), Some(said));
    assert_eq!(a.child_with(said, Deprel::Nsubj), Some(3));
    assert_eq!(a.lemma[1], "minister");
    assert_eq!(a.subtree(3), 0..4);
}

/// A damaged model is an error that says so, never a panic.
#[test]
fn damaged_model_is_an_error() {
    let err = Model::from_bytes(b"not a model").unwrap_err();
    assert!(err.to_string().contains("syntax model"), "{err}");
}

#[test]
fn parse_text_prints_conllu() {
    let out = claimset()
        .args([
            "parse",
            "Officials at the agency said on Tuesday that the bridge, which opened in 1998, \
             would be closed. “We can't wait,” a resident told reporters.",
        ])
        .output()
        .unwrap();
    assert!(out.status.success());
    insta::assert_snapshot!(String::from_utf8(out.stdout).unwrap());
}

#[test]
fn parse_conllu_keeps_words_comments_and_multiword_lines() {
    let input = "# sent_id = x1\n# text = I don't know.\n1\tI\t_\t_\t_\t_\t_\t_\t_\t_\n2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n2\tdo\t_\t_\t_\t_\t_\t_\t_\t_\n3\tn't\t_\t_\t_\t_\t_\t_\t_\t_\n4\tknow\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No\n5\t.\t_\t_\t_\t_\t_\t_\t_\t_\n\n";
    let out = claimset()
        .args(["parse", "--conllu", "-"])
        .write_stdin(input)
        .output()
        .unwrap();
    assert!(out.status.success());
    insta::assert_snapshot!(String::from_utf8(out.stdout).unwrap());
}

#[test]
fn parse_eval_names_a_malformed_file() {
    let out = claimset()
        .args(["parse", "--eval", "-"])
        .write_stdin("1\tword\n")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("<stdin>:1: a word line has 2 columns"),
        "{err}"
    );
}
