//! Crash safety: `claimset convert` is killed with SIGKILL at random moments (half of
//! them while it writes the new dataset), and each time the dataset folder must be
//! exactly the complete old dataset or the complete new one, readable, with row counts
//! and hashes matching `dataset.json`; a killed writer must never block the next one.
//!
//! Deterministic: the moments come from a fixed seed (set `CLAIMSET_KILL_SEED` to try
//! others) and the number of runs is `CLAIMSET_KILL_RUNS` (default 24; 200 runs take about 40 s).

#![cfg(unix)]

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use claimset::dataset::Dataset;

use crate::root;

/// A small deterministic generator (SplitMix64).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// Uniform in `[0, 1)`.
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
}

fn env_or(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// `copies` variants of every bundled sample article under `dir`, headlines tagged with
/// `tag` so that every file is a distinct article.
fn make_inputs(dir: &Path, tag: &str, copies: usize) -> PathBuf {
    fs::create_dir_all(dir).unwrap();
    let mut raws: Vec<PathBuf> = fs::read_dir(root().join("datasets/raw"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    raws.sort();
    for k in 0..copies {
        for raw in &raws {
            let text = fs::read_to_string(raw).unwrap();
            let (head, rest) = text.trim_start().split_once('\n').unwrap();
            let name = raw.file_stem().unwrap().to_string_lossy();
            fs::write(
                dir.join(format!("{tag}{k}-{name}.txt")),
                format!("{head} [{tag}{k}]\n{rest}"),
            )
            .unwrap();
        }
    }
    dir.to_path_buf()
}

/// The files of a dataset folder, by name.
fn snapshot(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<(String, Vec<u8>)> = fs::read_dir(dir)
        .unwrap()
        .map(|e| {
            let e = e.unwrap();
            (
                e.file_name().to_string_lossy().into_owned(),
                fs::read(e.path()).unwrap(),
            )
        })
        .collect();
    files.sort();
    files
}

/// One way to run `convert` and the state it leads to from each state.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum State {
    A,
    B,
    AB,
}

struct Harness {
    bin: PathBuf,
    a: PathBuf,
    b: PathBuf,
    out: PathBuf,
}

impl Harness {
    fn command(&self, action: usize) -> Command {
        let mut cmd = Command::new(&self.bin);
        cmd.current_dir(root()).arg("convert");
        match action {
            0 => cmd.arg(&self.a).arg("--replace"),
            1 => cmd.arg(&self.b).arg("--replace"),
            _ => cmd.arg(&self.b),
        };
        cmd.arg("--out")
            .arg(&self.out)
            .arg("--quiet")
            .stdout(Stdio::null())
            .stderr(Stdio::null());
        cmd
    }
}

/// Where `action` takes the dataset from `state`.
fn target(state: State, action: usize) -> State {
    match (action, state) {
        (0, _) => State::A,
        (1, _) => State::B,
        (_, State::B) => State::B,
        _ => State::AB,
    }
}

/// Whether the process `pid` has started writing its staging folder `.ds.tmp-PID` in
/// `dir` (killed writers leave theirs behind, so the PID matters).
fn staging_exists(dir: &Path, pid: u32) -> bool {
    dir.join(format!(".ds.tmp-{pid}")).exists()
}

#[test]
fn killing_convert_at_any_moment_leaves_the_old_or_the_new_dataset() {
    let tmp = tempfile::tempdir().unwrap();
    let inputs = tmp.path().join("inputs");
    let refs = tmp.path().join("refs");
    let work = tmp.path().join("work");
    fs::create_dir_all(&refs).unwrap();
    fs::create_dir_all(&work).unwrap();
    let mut h = Harness {
        bin: assert_cmd::cargo::cargo_bin("claimset"),
        a: make_inputs(&inputs.join("a"), "a", 2),
        b: make_inputs(&inputs.join("b"), "b", 2),
        out: refs.join("a"),
    };

    // The three datasets every run goes between, converted without interruption; the
    // slowest run sets the time scale of the kills.
    let mut slowest = Duration::ZERO;
    let mut reference = |out: PathBuf, actions: &[usize]| {
        h.out = out;
        for &action in actions {
            let start = Instant::now();
            assert!(h.command(action).status().unwrap().success());
            slowest = slowest.max(start.elapsed());
        }
        snapshot(&h.out)
    };
    let ref_a = reference(refs.join("a"), &[0]);
    let ref_b = reference(refs.join("b"), &[1]);
    let ref_ab = reference(refs.join("ab"), &[0, 2]);
    let state_files = |s: State| match s {
        State::A => &ref_a,
        State::B => &ref_b,
        State::AB => &ref_ab,
    };

    h.out = work.join("ds");
    assert!(h.command(0).status().unwrap().success());
    // How long writing takes: from the staging folder appearing to the process exiting.
    let mut child = h.command(2).spawn().unwrap();
    let mut writing_started = None;
    while child.try_wait().unwrap().is_none() {
        if writing_started.is_none() && staging_exists(&work, child.id()) {
            writing_started = Some(Instant::now());
        }
        std::thread::sleep(Duration::from_micros(200));
    }
    let write_time = writing_started.map_or(Duration::from_millis(50), |t| t.elapsed());
    assert!(h.command(0).status().unwrap().success());
    let mut state = State::A;
    let seed = env_or("CLAIMSET_KILL_SEED", 0x5eed);
    let runs = env_or("CLAIMSET_KILL_RUNS", 24);
    let mut rng = Rng(seed);
    let (mut killed_while_writing, mut finished, mut kept_old, mut got_new) = (0, 0, 0, 0);
    for run in 0..runs {
        let action = (rng.next() % 3) as usize;
        let next = target(state, action);
        let mut child = h.command(action).spawn().unwrap();
        let start = Instant::now();
        if run % 2 == 0 {
            // Any moment of the run.
            let at = slowest.mul_f64(rng.unit() * 1.1);
            while start.elapsed() < at && child.try_wait().unwrap().is_none() {
                std::thread::sleep(Duration::from_micros(500));
            }
        } else {
            // A moment after the new dataset starts being written.
            let writing = loop {
                if child.try_wait().unwrap().is_some() {
                    break false;
                }
                if staging_exists(&work, child.id()) {
                    break true;
                }
                std::thread::sleep(Duration::from_micros(200));
            };
            if writing {
                std::thread::sleep(write_time.mul_f64(rng.unit() * 1.2));
                killed_while_writing += 1;
            }
        }
        let exited_before_kill = child.try_wait().unwrap().is_some();
        let _ = child.kill();
        let status = child.wait().unwrap();
        if exited_before_kill {
            assert!(
                status.success(),
                "run {run} (seed {seed:#x}) failed: {status}"
            );
            finished += 1;
        }

        let context = format!("run {run}, seed {seed:#x}, action {action}, {state:?} → {next:?}");
        let ds = Dataset::read(&h.out)
            .unwrap_or_else(|e| panic!("{context}: dataset unreadable after the kill: {e}"));
        let files = snapshot(&h.out);
        if files == *state_files(next) {
            got_new += usize::from(next != state);
            state = next;
        } else if files == *state_files(state) {
            kept_old += 1;
        } else {
            panic!(
                "{context}: the dataset is neither the old nor the new one ({} articles)",
                ds.articles.len()
            );
        }
    }

    // A last, uninterrupted run succeeds (no stale lock) and clears every leftover.
    assert!(h.command(1).status().unwrap().success());
    assert_eq!(snapshot(&h.out), ref_b);
    let left: Vec<String> = fs::read_dir(&work)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(left, ["ds"], "leftovers beside the dataset");
    eprintln!(
        "writing takes {write_time:?} of {slowest:?}; {runs} runs: {killed_while_writing} killed while writing, {finished} finished first; \
         {kept_old} kept the old dataset, {got_new} switched to a new one"
    );
}
