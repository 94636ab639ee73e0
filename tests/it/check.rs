//! `claimset check` and `claimset rule`: every rule against its fixture, a dataset with
//! one planted fault per rule, a clean dataset, the renderings, exit codes, the
//! configuration, part files, findings.parquet, and meta-tests over the registry.

use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

use arrow_array::cast::AsArray;
use claimset::check::docs::all_rules_markdown;
use claimset::check::registry::RULES;
use claimset::check::rule::{DOC_HEADINGS, Group};
use claimset::check::{CheckConfig, ConfigFile, Overrides, Report, check};
use claimset::dataset::read_table;

use crate::mini_dataset::{Expected, build, build_with};
use crate::{claimset, convert, root, seed};

/// The findings of a report in the form fixtures mark them.
fn found(report: &Report) -> Vec<Expected> {
    let mut out: Vec<Expected> = report
        .diagnostics
        .iter()
        .map(|d| Expected {
            rule: d.rule.code.to_string(),
            table: d.loc.table.to_string(),
            record_id: d.loc.record_id.clone(),
            span: d.loc.span,
        })
        .collect();
    out.sort();
    out
}

/// What is wrong with a finding message, if anything: it starts lower case, has no
/// trailing period and is one line.
fn message_problem(message: &str) -> Option<&'static str> {
    if !message.starts_with(|c: char| c.is_ascii_lowercase()) {
        Some("does not start with a lower-case letter")
    } else if message.ends_with('.') {
        Some("ends with a period")
    } else if message.contains('\n') {
        Some("is more than one line")
    } else {
        None
    }
}

/// Lines only in `want` (-) and only in `got` (+).
fn diff(want: &[Expected], got: &[Expected]) -> String {
    let mut out = String::new();
    for w in want.iter().filter(|w| !got.contains(w)) {
        out.push_str(&format!("  - missing  {w}\n"));
    }
    for g in got.iter().filter(|g| !want.contains(g)) {
        out.push_str(&format!("  + extra    {g}\n"));
    }
    if out.is_empty() && want != got {
        out.push_str("  (same findings, different counts)\n");
    }
    out
}

#[test]
fn every_rule_reports_exactly_what_its_fixture_marks() {
    let tmp = tempfile::tempdir().unwrap();
    let mut failures = Vec::new();
    for entry in RULES {
        let code = entry.meta.code;
        let file = format!("rules/{code}.yaml");
        if !crate::fixture(&format!("check/{file}")).is_file() {
            failures.push(format!("{code}: no fixture tests/fixtures/check/{file}"));
            continue;
        }
        let built = build(&file, &tmp.path().join(code));
        if built.expected.iter().all(|e| e.rule != code) {
            failures.push(format!("{code}: the fixture marks no finding of the rule"));
        }
        let settings = CheckConfig {
            select: Some(vec![code.to_string()]),
            ..CheckConfig::default()
        }
        .resolve(&Overrides::default())
        .unwrap();
        let report = check(&built.dir, &settings).unwrap();
        let got = found(&report);
        if got != built.expected {
            failures.push(format!("{code}:\n{}", diff(&built.expected, &got)));
        }
        for d in &report.diagnostics {
            if let Some(problem) = message_problem(&d.message) {
                failures.push(format!("{code}: message {:?} {problem}", d.message));
            }
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

/// Runs the binary on a dataset and returns (exit code, stdout, stderr).
fn run(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let out = claimset()
        .arg("check")
        .arg(dir)
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// The findings of a `--format json` run in the form fixtures mark them.
fn found_json(stdout: &str) -> Vec<Expected> {
    let findings: Vec<serde_json::Value> = serde_json::from_str(stdout).unwrap();
    let mut out: Vec<Expected> = findings
        .iter()
        .map(|f| Expected {
            rule: f["rule"].as_str().unwrap().to_string(),
            table: f["table"].as_str().unwrap().to_string(),
            record_id: f["record_id"].as_str().map(str::to_string),
            span: f["start"]
                .as_u64()
                .zip(f["end"].as_u64())
                .map(|(s, e)| (s as u32, e as u32)),
        })
        .collect();
    out.sort();
    out
}

#[test]
fn planted_faults_are_each_reported_with_their_code_and_location() {
    let tmp = tempfile::tempdir().unwrap();
    let built = build("planted.yaml", &tmp.path().join("ds"));
    let planted: BTreeSet<&str> = built.expected.iter().map(|e| e.rule.as_str()).collect();
    // An unreadable manifest (CS701) leaves the other manifest rules nothing to compare:
    // its own fixture covers it.
    let codes: BTreeSet<&str> = RULES
        .iter()
        .map(|r| r.meta.code)
        .filter(|c| *c != "CS701")
        .collect();
    assert_eq!(planted, codes, "planted.yaml plants one fault per rule");
    assert_eq!(
        built.expected.len(),
        codes.len(),
        "one fault (and one finding) per rule"
    );
    let (code, stdout, stderr) = run(&built.dir, &["--format", "json", "--no-write"]);
    assert_eq!(code, 1, "{stderr}");
    let got = found_json(&stdout);
    assert!(got == built.expected, "\n{}", diff(&built.expected, &got));
}

#[test]
fn a_clean_dataset_exits_0_with_no_findings() {
    let tmp = tempfile::tempdir().unwrap();
    let built = build("clean.yaml", &tmp.path().join("ds"));
    assert!(built.expected.is_empty());
    let (code, stdout, stderr) = run(&built.dir, &["--fail-on", "info"]);
    assert_eq!((code, stdout.as_str()), (0, ""), "{stderr}");
    assert!(stderr.contains("0 errors, 0 warnings, 0 info"), "{stderr}");
    let findings = read_table(&built.dir.join("findings.parquet")).unwrap();
    assert_eq!(
        findings.batches.iter().map(|b| b.num_rows()).sum::<usize>(),
        0
    );
}

/// Rules the rendering fixture has findings for.
const RENDER_RULES: &str = "CS102,CS401,CS402,CS403,CS503";

fn rendered(format: &str) -> String {
    rendered_with(&["--format", format])
}

/// The findings of the rendering fixture with `args`, the folder's path as `[DIR]`.
fn rendered_with(args: &[&str]) -> String {
    let tmp = tempfile::tempdir().unwrap();
    let built = build("render.yaml", &tmp.path().join("ds"));
    let (code, stdout, stderr) = run(
        &built.dir,
        &[
            args,
            &["--select", RENDER_RULES, "--no-write", "--color", "never"],
        ]
        .concat(),
    );
    assert_eq!(code, 1, "{stderr}");
    stdout.replace(&built.dir.to_string_lossy().into_owned(), "[DIR]")
}

#[test]
fn renders_human() {
    insta::assert_snapshot!(rendered("human"));
}

#[test]
fn renders_concise() {
    insta::assert_snapshot!(rendered("concise"));
}

#[test]
fn renders_json() {
    insta::assert_snapshot!(rendered("json"));
}

#[test]
fn renders_github() {
    insta::assert_snapshot!(rendered("github"));
}

#[test]
fn renders_junit() {
    insta::assert_snapshot!(rendered("junit"));
}

#[test]
fn renders_json_lines() {
    let text = rendered("json-lines");
    for line in text.lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        assert!(v["rule"].is_string(), "{line}");
    }
    insta::assert_snapshot!(text);
}

#[test]
fn renders_gitlab() {
    let text = rendered("gitlab");
    let issues: Vec<serde_json::Value> = serde_json::from_str(&text).unwrap();
    let prints: BTreeSet<&str> = issues
        .iter()
        .map(|i| i["fingerprint"].as_str().unwrap())
        .collect();
    assert_eq!(prints.len(), issues.len(), "fingerprints are unique");
    // Fingerprints are stable: the same dataset in another folder gives the same ones.
    assert_eq!(text, rendered("gitlab"));
    insta::assert_snapshot!(text);
}

#[test]
fn renders_statistics() {
    insta::assert_snapshot!(rendered_with(&["--statistics"]));
}

#[test]
fn renders_sarif() {
    let text = rendered("sarif");
    let log: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(log["version"], "2.1.0");
    insta::assert_snapshot!(text.replace(env!("CARGO_PKG_VERSION"), "[VERSION]"));
}

#[test]
fn colour_only_when_asked_or_on_a_terminal() {
    let tmp = tempfile::tempdir().unwrap();
    let built = build("render.yaml", &tmp.path().join("ds"));
    let args = ["--select", "CS401", "--no-write"];
    let (_, plain, _) = run(&built.dir, &args);
    assert!(!plain.contains('\u{1b}'), "not a terminal: no colour");
    let (_, coloured, _) = run(&built.dir, &[&args[..], &["--color", "always"]].concat());
    assert!(coloured.contains('\u{1b}'), "--color always");
    let out = claimset()
        .arg("check")
        .arg(&built.dir)
        .args(args)
        .args(["--color", "auto"])
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    assert!(!String::from_utf8_lossy(&out.stdout).contains('\u{1b}'));
}

#[test]
fn fail_on_sets_the_threshold_of_exit_status_1() {
    let tmp = tempfile::tempdir().unwrap();
    let built = build("render.yaml", &tmp.path().join("ds"));
    let warnings = ["--select", "CS402", "--no-write", "--quiet"];
    assert_eq!(
        run(&built.dir, &warnings).0,
        0,
        "warnings do not fail by default"
    );
    let strict = [&warnings[..], &["--fail-on", "warning"]].concat();
    assert_eq!(run(&built.dir, &strict).0, 1);
    let info = ["--select", "CS403", "--no-write", "--quiet"];
    assert_eq!(
        run(&built.dir, &[&info[..], &["--fail-on", "warning"]].concat()).0,
        0
    );
    assert_eq!(
        run(&built.dir, &[&info[..], &["--fail-on", "info"]].concat()).0,
        1
    );
}

#[test]
fn configuration_selects_ignores_and_rates_rules() {
    let tmp = tempfile::tempdir().unwrap();
    let built = build("render.yaml", &tmp.path().join("ds"));
    let config = tmp.path().join("claimset.toml");
    fs::write(
        &config,
        "[check]\nselect = [\"CS4\"]\nignore = [\"quote-without-source\"]\n\n[check.severity]\nCS402 = \"error\"\n",
    )
    .unwrap();
    let (code, stdout, stderr) = run(
        &built.dir,
        &[
            "--config",
            config.to_str().unwrap(),
            "--format",
            "concise",
            "--no-write",
        ],
    );
    assert_eq!(code, 1, "CS402 raised to error: {stderr}");
    assert!(stdout.contains("error[CS402]"), "{stdout}");
    assert!(!stdout.contains("CS401"), "{stdout}");
    assert!(!stdout.contains("CS503"), "{stdout}");
}

#[test]
fn the_readme_configuration_example_is_valid() {
    let readme = fs::read_to_string(root().join("README.md")).unwrap();
    let example = readme
        .split("```toml\n")
        .nth(1)
        .and_then(|rest| rest.split("```").next())
        .expect("README has a toml example");
    let file = ConfigFile::parse(example, Path::new("README.md")).unwrap();
    let settings = file.check.resolve(&Overrides::default()).unwrap();
    assert!(settings.rules.iter().all(|(r, _)| r.meta.code != "CS403"));
    assert_eq!(settings.fail_on, claimset::model::Severity::Warning);
}

#[test]
fn unknown_rules_and_bad_configuration_exit_2_with_a_suggestion() {
    let tmp = tempfile::tempdir().unwrap();
    let built = build("clean.yaml", &tmp.path().join("ds"));
    let (code, _, stderr) = run(&built.dir, &["--select", "CS4O2"]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("unknown rule `CS4O2` in --select; did you mean `CS402`?"),
        "{stderr}"
    );
    let config = tmp.path().join("claimset.toml");
    fs::write(&config, "[check]\nselect = [\"vague-sorce\"]\n").unwrap();
    let (code, _, stderr) = run(&built.dir, &["--config", config.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(stderr.contains("did you mean `vague-source`?"), "{stderr}");
    fs::write(&config, "[check]\nfail-on = \"sometimes\"\n").unwrap();
    let (code, _, stderr) = run(&built.dir, &["--config", config.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("claimset.toml is not a valid configuration"),
        "{stderr}"
    );
}

#[test]
fn unreadable_parquet_exits_2_naming_the_file() {
    let tmp = tempfile::tempdir().unwrap();
    let built = build_with(
        "clean.yaml",
        &tmp.path().join("ds"),
        "claims: {corrupt: true}",
    );
    let (code, stdout, stderr) = run(&built.dir, &[]);
    assert_eq!(code, 2, "{stdout}{stderr}");
    assert!(stderr.contains("claims.parquet"), "{stderr}");
    assert!(stderr.contains("corrupt"), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    let (code, _, stderr) = run(&tmp.path().join("nowhere"), &[]);
    assert_eq!(code, 2);
    assert!(stderr.contains("not a dataset folder"), "{stderr}");
}

#[test]
fn truncated_parquet_exits_2_naming_the_file() {
    let tmp = tempfile::tempdir().unwrap();
    let built = build("clean.yaml", &tmp.path().join("ds"));
    let path = built.dir.join("articles.parquet");
    let bytes = fs::read(&path).unwrap();
    fs::write(&path, &bytes[..bytes.len() / 2]).unwrap();
    let (code, _, stderr) = run(&built.dir, &[]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("articles.parquet"), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
}

#[test]
fn findings_are_written_atomically_beside_untouched_tables() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("ds");
    assert_eq!(convert(&[&seed()], &out), 0);
    let before: Vec<(String, Vec<u8>)> = ["articles", "claims", "sources", "actors", "mentions"]
        .iter()
        .map(|t| {
            let name = format!("{t}.parquet");
            (name.clone(), fs::read(out.join(&name)).unwrap())
        })
        .collect();
    let (code, stdout, stderr) = run(&out, &["--format", "json"]);
    assert_eq!(code, 0, "{stderr}");
    let printed: Vec<serde_json::Value> = serde_json::from_str(&stdout).unwrap();
    assert!(!printed.is_empty());
    for (name, bytes) in before {
        assert!(
            fs::read(out.join(&name)).unwrap() == bytes,
            "{name} changed"
        );
    }
    let t = read_table(&out.join("findings.parquet")).unwrap();
    let rows: usize = t.batches.iter().map(|b| b.num_rows()).sum();
    assert_eq!(rows, printed.len());
    let rules = t.batches[0]
        .column_by_name("rule")
        .unwrap()
        .as_string::<i32>();
    assert_eq!(rules.value(0), printed[0]["rule"].as_str().unwrap());
    let manifest: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(out.join("dataset.json")).unwrap()).unwrap();
    assert_eq!(manifest["tables"][5]["name"], "findings");
    assert_eq!(manifest["tables"][5]["rows"], rows as u64);
    let leftovers: Vec<_> = fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with('.'))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");

    // --no-write leaves the folder as it is (and the manifest still lists the findings
    // removed: CS704).
    fs::remove_file(out.join("findings.parquet")).unwrap();
    let (code, stdout, _) = run(&out, &["--no-write", "--quiet", "--format", "concise"]);
    assert_eq!(code, 1);
    assert!(stdout.contains("CS704"), "{stdout}");
    assert!(!out.join("findings.parquet").exists());
}

#[test]
fn tables_split_into_part_files_read_like_single_files() {
    let tmp = tempfile::tempdir().unwrap();
    let single = build("rules/CS302.yaml", &tmp.path().join("single"));
    let layout = "claims: {parts: 2}\nmentions: {parts: 2}";
    let parts = build_with("rules/CS302.yaml", &tmp.path().join("parts"), layout);
    assert!(parts.dir.join("claims/part-0002.parquet").is_file());
    let (_, a, _) = run(
        &single.dir,
        &["--format", "json", "--no-write", "--select", "CS3"],
    );
    let (_, b, _) = run(
        &parts.dir,
        &["--format", "json", "--no-write", "--select", "CS3"],
    );
    assert_eq!(found_json(&a), found_json(&b));
    assert_eq!(found_json(&b), parts.expected);
}

/// A dataset of more rows than one record batch holds, written by the library.
#[test]
fn tables_larger_than_one_batch_stream_with_row_numbers_across_batches() {
    use claimset::dataset::Dataset;
    use claimset::dataset::stream::BATCH_ROWS;
    use claimset::model::{Article, ArticleId, Claim, ClaimId, ClaimKind, sha256_hex};

    let n = BATCH_ROWS * 2 + 500;
    let text = "x".repeat(n);
    let raw = sha256_hex(text.as_bytes());
    let article_id = ArticleId::from_raw_sha256(&raw);
    let article = Article {
        article_id: article_id.clone(),
        title: "Long".into(),
        text,
        origin: "long.txt".into(),
        source_id: None,
        url: Some("https://example.org/long".into()),
        published: chrono::NaiveDate::from_ymd_opt(2020, 1, 1),
        language: "en".into(),
        related_headlines: vec![],
        word_count: 1,
        raw_sha256: raw,
    };
    let claim = |i: u32| Claim {
        claim_id: ClaimId::derive(&article_id, i, i + 1),
        article_id: article_id.clone(),
        text: "x".into(),
        start: i,
        end: i + 1,
        paragraph: 0,
        sentence: 0,
        kind: ClaimKind::Indirect,
        source_id: None,
        cue: None,
        hedges: vec![],
        actor_ids: vec![],
    };
    let mut claims: Vec<Claim> = (0..n as u32).map(claim).collect();
    claims.push(claim(7));
    let mut past_the_end = claim(n as u32 - 1);
    past_the_end.end = n as u32 + 1;
    past_the_end.claim_id = ClaimId::derive(&article_id, n as u32 - 1, n as u32 + 1);
    claims.push(past_the_end);
    let ds = Dataset {
        articles: vec![article],
        claims,
        ..Dataset::default()
    };
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("ds");
    ds.write(&dir).unwrap();
    let settings = CheckConfig {
        select: Some(vec!["CS1".into(), "CS2".into(), "CS3".into()]),
        ..CheckConfig::default()
    }
    .resolve(&Overrides::default())
    .unwrap();
    let report = check(&dir, &settings).unwrap();
    let got: Vec<(&str, Option<&str>, &str)> = report
        .diagnostics
        .iter()
        .map(|d| (d.rule.code, d.loc.record_id.as_deref(), d.message.as_str()))
        .collect();
    let dup = ClaimId::derive(&article_id, 7, 8);
    let over = ClaimId::derive(&article_id, n as u32 - 1, n as u32 + 1);
    assert_eq!(
        got,
        vec![
            (
                "CS301",
                Some(over.as_str()),
                format!(
                    "claim span {}..{} runs past the end of the article text ({n} code points)",
                    n - 1,
                    n + 1
                )
                .as_str()
            ),
            (
                "CS105",
                Some(dup.as_str()),
                "claim ID clm_… is repeated; it was first used at row 7"
                    .replace("clm_…", dup.as_str())
                    .as_str()
            ),
        ]
    );
}

#[test]
fn convert_check_checks_what_it_wrote() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("ds");
    let output = claimset()
        .arg("convert")
        .arg(seed())
        .arg("--out")
        .arg(&out)
        .arg("--check")
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(0), "warnings only: {stderr}");
    assert!(
        stdout.contains("warning[CS601]: article has no outlet"),
        "{stdout}"
    );
    assert!(stderr.contains("converted 1 articles"), "{stderr}");
    assert!(stderr.contains("written to findings.parquet"), "{stderr}");
    let t = read_table(&out.join("findings.parquet")).unwrap();
    assert!(t.batches.iter().map(|b| b.num_rows()).sum::<usize>() > 0);

    // Rejected inputs still make the exit status 1.
    let output = claimset()
        .arg("convert")
        .arg(crate::fixture("convert/batch.jsonl"))
        .args(["--quiet", "--check", "--out"])
        .arg(&out)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
}

#[test]
fn rule_prints_docs_and_suggests_close_codes() {
    let out = claimset().args(["rule", "CS402"]).output().unwrap();
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.starts_with("# vague-source (CS402)\n"), "{text}");
    for h in DOC_HEADINGS {
        assert!(text.contains(h), "{h}");
    }
    let by_name = claimset().args(["rule", "vague-source"]).output().unwrap();
    assert_eq!(by_name.stdout, out.stdout);
    let out = claimset().args(["rule", "CS4O2"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("did you mean `CS402`?"));
    let out = claimset().arg("rule").output().unwrap();
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).lines().count(),
        RULES.len()
    );
}

#[test]
fn registry_codes_names_and_docs_are_well_formed() {
    let mut codes = BTreeSet::new();
    let mut names = BTreeSet::new();
    let mut previous = "";
    for r in RULES {
        let m = r.meta;
        let code = m.code;
        assert!(
            code.len() == 5
                && code.starts_with("CS")
                && code[2..].chars().all(|c| c.is_ascii_digit()),
            "{code}"
        );
        assert!(
            Group::of(code).is_some(),
            "{code}: no group for its hundreds"
        );
        assert!(code > previous, "{code}: the registry is in code order");
        previous = code;
        assert!(codes.insert(code), "{code}: used twice");
        assert!(names.insert(m.name), "{}: used twice", m.name);
        assert!(
            m.name.chars().all(|c| c.is_ascii_lowercase() || c == '-'),
            "{}: kebab-case",
            m.name
        );
        assert!(
            message_problem(m.help).is_none(),
            "{code}: help {:?}",
            m.help
        );
        let docs = m.docs();
        let mut at = 0;
        for h in DOC_HEADINGS {
            let i = docs[at..]
                .find(h)
                .unwrap_or_else(|| panic!("{code}: docs lack {h:?} (in order)"));
            at += i + h.len();
            let body = docs[at..].split("\n## ").next().unwrap();
            assert!(!body.trim().is_empty(), "{code}: {h:?} is empty");
        }
        assert!(
            m.summary().ends_with('.'),
            "{code}: summary {:?}",
            m.summary()
        );
    }
    let fixtures: BTreeSet<String> = fs::read_dir(crate::fixture("check/rules"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    let wanted: BTreeSet<String> = codes.iter().map(|c| format!("{c}.yaml")).collect();
    assert_eq!(
        fixtures, wanted,
        "one fixture per rule, none without a rule"
    );
}

#[test]
fn rule_docs_are_current() {
    let path = root().join("docs/rules.md");
    let have = fs::read_to_string(&path).unwrap_or_default();
    assert!(
        have == all_rules_markdown(),
        "docs/rules.md is stale; run `cargo run -- rule --all > docs/rules.md` and commit"
    );
}

/// Claims and mentions in the order of their articles are streamed beside the texts;
/// in any other order they are held by article. Both give the same findings.
#[test]
fn spans_out_of_article_order_give_the_findings_of_spans_in_order() {
    use claimset::dataset::Dataset;
    use claimset::model::{Article, ArticleId, Claim, ClaimId, ClaimKind, sha256_hex};

    let article = |body: &str| {
        let raw = sha256_hex(body.as_bytes());
        Article {
            article_id: ArticleId::from_raw_sha256(&raw),
            title: "T".into(),
            text: body.into(),
            origin: "a.txt".into(),
            source_id: None,
            url: Some("https://example.org/a".into()),
            published: chrono::NaiveDate::from_ymd_opt(2020, 1, 1),
            language: "en".into(),
            related_headlines: vec![],
            word_count: 1,
            raw_sha256: raw,
        }
    };
    let articles = vec![
        article("abcdefgh"),
        article("ijklmnop"),
        article("qrstuvwx"),
    ];
    let claim = |a: &Article, start: u32, end: u32, text: &str| Claim {
        claim_id: ClaimId::derive(&a.article_id, start, end),
        article_id: a.article_id.clone(),
        text: text.into(),
        start,
        end,
        paragraph: 0,
        sentence: 0,
        kind: ClaimKind::Indirect,
        source_id: None,
        cue: None,
        hedges: vec![],
        actor_ids: vec![],
    };
    let in_order = vec![
        claim(&articles[0], 0, 2, "ab"),
        claim(&articles[0], 2, 4, "xx"),
        claim(&articles[1], 6, 12, "op"),
        claim(&articles[2], 0, 3, "qrs"),
        claim(&articles[2], 3, 5, "zz"),
    ];
    let mut shuffled = in_order.clone();
    shuffled.reverse();
    let settings = CheckConfig {
        select: Some(vec!["CS3".into()]),
        ..CheckConfig::default()
    }
    .resolve(&Overrides::default())
    .unwrap();
    let tmp = tempfile::tempdir().unwrap();
    let findings = |claims: Vec<Claim>, name: &str| {
        let dir = tmp.path().join(name);
        Dataset {
            articles: articles.clone(),
            claims,
            ..Dataset::default()
        }
        .write(&dir)
        .unwrap();
        let report = check(&dir, &settings).unwrap();
        report
            .diagnostics
            .iter()
            .map(|d| (d.rule.code, d.loc.record_id.clone(), d.message.clone()))
            .collect::<Vec<_>>()
    };
    let a = findings(in_order, "ordered");
    let b = findings(shuffled, "shuffled");
    let codes: Vec<&str> = a.iter().map(|f| f.0).collect();
    assert_eq!(codes, ["CS302", "CS301", "CS302"], "{a:?}");
    assert_eq!(a, b);
}
