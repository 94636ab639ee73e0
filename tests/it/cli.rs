//! The command line's manners: closed pipes, `rule` prefixes, quiet levels, the reporting
//! flags shared by `check` and `convert --check`, several datasets in one run, the GitHub
//! job summary. Regression tests are named after the bug they keep away.

use std::io::Read;
use std::path::Path;
use std::process::Stdio;

use claimset::check::registry::RULES;

use crate::mini_dataset::build;
use crate::{claimset, root, seed};

/// (exit code, stdout, stderr) of a finished command.
fn outcome(cmd: &mut assert_cmd::Command) -> (i32, String, String) {
    let out = cmd.output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Runs the binary with `args` and its stdout closed after `keep` bytes were read (0:
/// before it writes anything); returns the exit code and stderr.
fn with_stdout_closed_early(args: &[&std::ffi::OsStr], keep: usize) -> (Option<i32>, String) {
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("claimset"))
        .current_dir(root())
        .env_remove("GITHUB_STEP_SUMMARY")
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = child.stdout.take().unwrap();
    let mut head = vec![0; keep];
    stdout.read_exact(&mut head).unwrap();
    drop(stdout);
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut stderr)
        .unwrap();
    (child.wait().unwrap().code(), stderr)
}

#[test]
fn rule_piped_into_head_exits_quietly() {
    // `claimset rule | head -1` used to panic: "failed printing to stdout: Broken pipe".
    for args in [vec!["rule"], vec!["rule", "--all"], vec!["rule", "CS4"]] {
        let args: Vec<&std::ffi::OsStr> = args.iter().map(|a| a.as_ref()).collect();
        for keep in [0, 1] {
            let (code, stderr) = with_stdout_closed_early(&args, keep);
            assert_eq!(code, Some(0), "{args:?}: {stderr}");
            assert_eq!(stderr, "", "{args:?}");
        }
    }
}

#[test]
fn check_and_convert_piped_into_head_exit_quietly() {
    let tmp = tempfile::tempdir().unwrap();
    let built = build("render.yaml", &tmp.path().join("ds"));
    let out = tmp.path().join("out");
    let seed = seed();
    let runs: Vec<Vec<&std::ffi::OsStr>> = vec![
        vec![
            "check".as_ref(),
            built.dir.as_os_str(),
            "--no-write".as_ref(),
            "--exit-zero".as_ref(),
            "-q".as_ref(),
        ],
        vec![
            "convert".as_ref(),
            seed.as_os_str(),
            "--out".as_ref(),
            out.as_os_str(),
            "--check".as_ref(),
            "-q".as_ref(),
            "--output-format".as_ref(),
            "json".as_ref(),
        ],
    ];
    for args in runs {
        let (code, stderr) = with_stdout_closed_early(&args, 1);
        assert_eq!(code, Some(0), "{args:?}: {stderr}");
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
    }
}

#[test]
fn rule_prefix_does_not_suggest_itself() {
    // `claimset rule CS4` used to say "unknown rule `CS4`; did you mean `CS4`?".
    let (code, stdout, stderr) = outcome(claimset().args(["rule", "CS4"]));
    assert_eq!(code, 0, "{stderr}");
    let listed: Vec<&str> = stdout.lines().map(|l| &l[..5]).collect();
    let group: Vec<&str> = RULES
        .iter()
        .map(|r| r.meta.code)
        .filter(|c| c.starts_with("CS4"))
        .collect();
    assert_eq!(listed, group);
    // A whole code, lower case, a longer prefix and `CS` for all.
    let (_, stdout, _) = outcome(claimset().args(["rule", "cs40"]));
    assert_eq!(stdout.lines().count(), group.len());
    let (_, stdout, _) = outcome(claimset().args(["rule", "CS"]));
    assert_eq!(stdout.lines().count(), RULES.len());
    // An unknown prefix is answered with another, never with itself.
    let (code, _, stderr) = outcome(claimset().args(["rule", "CS9"]));
    assert_eq!(code, 2);
    assert!(stderr.contains("unknown rule `CS9`"), "{stderr}");
    assert!(!stderr.contains("did you mean `CS9`"), "{stderr}");
}

#[test]
fn quiet_sample_prints_one_line() {
    // `make sample` (`convert --check --quiet`) used to print every finding.
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("sample");
    let (code, stdout, stderr) = outcome(
        claimset()
            .args(["convert", "datasets/raw", "--check", "--quiet", "--out"])
            .arg(&out),
    );
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(stdout, "");
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.starts_with("checked "), "{stderr}");
    assert!(stderr.contains("written to findings.parquet"), "{stderr}");
    // -qq and --silent: nothing at all.
    for silent in ["-qq", "--silent"] {
        let (code, stdout, stderr) = outcome(
            claimset()
                .args(["convert", "datasets/raw", "--check", silent, "--out"])
                .arg(&out),
        );
        assert_eq!((code, stdout.as_str(), stderr.as_str()), (0, "", ""));
    }
}

#[test]
fn check_quiet_prints_findings_without_summary_and_silent_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let built = build("render.yaml", &tmp.path().join("ds"));
    let check = |extra: &[&str]| {
        outcome(
            claimset()
                .arg("check")
                .arg(&built.dir)
                .args(["--no-write", "-f", "concise"])
                .args(extra),
        )
    };
    let (code, all, stderr) = check(&[]);
    assert_eq!(code, 1);
    assert!(stderr.starts_with("checked "), "{stderr}");
    let (code, quiet, stderr) = check(&["-q"]);
    assert_eq!(
        (code, quiet.as_str(), stderr.as_str()),
        (1, all.as_str(), "")
    );
    let (code, stdout, stderr) = check(&["--silent"]);
    assert_eq!((code, stdout.as_str(), stderr.as_str()), (1, "", ""));
}

#[test]
fn convert_check_takes_every_reporting_flag() {
    // `convert --check` used to reject --format, --fail-on and --color.
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("ds");
    let convert = |extra: &[&str]| {
        outcome(
            claimset()
                .arg("convert")
                .arg(seed())
                .arg("--out")
                .arg(&out)
                .args(["--replace", "--check"])
                .args(extra),
        )
    };
    let (code, stdout, stderr) = convert(&["--format", "concise", "--color", "never"]);
    assert_eq!(code, 0, "warnings only: {stderr}");
    assert!(
        stdout.contains(": warning[CS601] article has no outlet"),
        "{stdout}"
    );
    let (code, _, _) = convert(&["--output-format", "concise", "--fail-on", "warning"]);
    assert_eq!(code, 1);
    let (code, _, _) = convert(&["--fail-on", "warning", "--exit-zero"]);
    assert_eq!(code, 0);
    let (_, stdout, _) = convert(&["--select", "CS601", "--statistics"]);
    assert_eq!(stdout, "1\tCS601\twarning\tmissing-outlet\n");
    let (code, stdout, _) = convert(&["--select", "CS6", "-f", "json", "-q"]);
    assert_eq!(code, 0);
    let findings: Vec<serde_json::Value> = serde_json::from_str(&stdout).unwrap();
    assert!(
        findings
            .iter()
            .all(|f| f["rule"].as_str().unwrap().starts_with("CS6"))
    );
    // Without --check, the reporting flags have nothing to report on.
    let (code, _, stderr) = outcome(
        claimset()
            .arg("convert")
            .arg(seed())
            .arg("--out")
            .arg(&out)
            .arg("--statistics"),
    );
    assert_eq!(code, 2);
    assert!(stderr.contains("add --check"), "{stderr}");
}

#[test]
fn check_several_datasets_in_one_run() {
    let tmp = tempfile::tempdir().unwrap();
    let faulty = build("render.yaml", &tmp.path().join("faulty"));
    let clean = build("clean.yaml", &tmp.path().join("clean"));
    let run = |dirs: &[&Path], extra: &[&str]| {
        outcome(
            claimset()
                .arg("check")
                .args(dirs)
                .args(["--no-write", "--select", "CS102,CS401"])
                .args(extra),
        )
    };
    let (code, stdout, stderr) = run(&[&clean.dir, &faulty.dir], &["-f", "json"]);
    assert_eq!(code, 1, "one exit status for all: {stderr}");
    let findings: Vec<serde_json::Value> = serde_json::from_str(&stdout).unwrap();
    assert!(!findings.is_empty());
    let faulty_dir = faulty.dir.to_string_lossy();
    assert!(findings.iter().all(|f| f["dataset"] == *faulty_dir));
    assert_eq!(
        stderr.lines().count(),
        2,
        "a summary line per dataset: {stderr}"
    );
    // Concise lines name the table files in their folder.
    let (_, stdout, _) = run(&[&clean.dir, &faulty.dir], &["-f", "concise"]);
    assert!(
        stdout.lines().any(|l| l.starts_with(faulty_dir.as_ref())),
        "{stdout}"
    );
    // A folder that cannot be checked: the others still are, and the status is 2.
    let missing = tmp.path().join("missing");
    let (code, stdout, stderr) = run(&[&faulty.dir, &missing], &["-f", "concise"]);
    assert_eq!(code, 2);
    assert!(stdout.contains("CS401"), "{stdout}");
    assert!(stderr.contains(&*missing.to_string_lossy()), "{stderr}");
    assert!(
        stderr.contains("1 of 2 datasets could not be checked"),
        "{stderr}"
    );
    // --exit-zero: findings do not fail the run.
    let (code, _, _) = run(&[&clean.dir, &faulty.dir], &["--exit-zero"]);
    assert_eq!(code, 0);
}

#[test]
fn github_step_summary_is_appended_only_when_asked() {
    let tmp = tempfile::tempdir().unwrap();
    let built = build("render.yaml", &tmp.path().join("ds"));
    let summary = tmp.path().join("summary.md");
    std::fs::write(&summary, "earlier step\n").unwrap();
    let (code, _, stderr) = outcome(
        claimset()
            .arg("check")
            .arg(&built.dir)
            .args([
                "--no-write",
                "--select",
                "CS102,CS401,CS402,CS403,CS503",
                "-q",
            ])
            .env("GITHUB_STEP_SUMMARY", &summary),
    );
    assert_eq!(code, 1, "{stderr}");
    let text = std::fs::read_to_string(&summary).unwrap();
    assert!(
        text.starts_with("earlier step\n## claimset check\n"),
        "appended: {text}"
    );
    insta::assert_snapshot!(text.replace(&*built.dir.to_string_lossy(), "[DIR]"));
}
