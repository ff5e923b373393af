//! `describe-table --as create` round trips (on this target, and from DynamoDB Local onto the
//! embedded engine when the suite runs against DynamoDB Local), and re-runs and changes that
//! change nothing.

use serde_json::Value;

use crate::common::{self, Suite};
use crate::tables::{as_create, create, recreate, round_trip};

#[test]
fn describe_as_create_round_trips() {
    let suite = Suite::new();
    let provisioned = create(
        &suite,
        &[
            "--pk",
            "pk:S",
            "--sk",
            "sk:N",
            "--rcu",
            "4",
            "--wcu",
            "3",
            "--gsi",
            "ByOwner:owner:S:keys",
            "--gsi-capacity",
            "ByOwner=2,1",
        ],
    );
    let words = round_trip(&suite, &provisioned);
    let text = words.join(" ");
    assert!(
        text.contains("--rcu 4 --wcu 3 --gsi ByOwner:owner:S:keys --gsi-capacity ByOwner=2,1"),
        "{text}"
    );
    let on_demand = create(
        &suite,
        &[
            "--pk",
            "pk:S",
            "--sk",
            "sk:S",
            "--gsi",
            "ByKind:kind:S:created:N:include=title,size",
            "--lsi",
            "ByDate:date:S",
        ],
    );
    let text = round_trip(&suite, &on_demand).join(" ");
    assert!(
        !text.contains("--rcu") && !text.contains("capacity"),
        "no provisioned zeros: {text}"
    );
    assert!(
        text.contains("--gsi ByKind:kind:S:created:N:include=title,size"),
        "{text}"
    );
    assert!(text.contains("--lsi ByDate:date:S"), "{text}");
    let lively = create(
        &suite,
        &[
            "--pk",
            "id:B",
            "--ttl",
            "expires",
            "--stream",
            "keys",
            "--deletion-protection",
        ],
    );
    let text = round_trip(&suite, &lively).join(" ");
    assert!(
        text.contains("--pk id:B --stream keys --ttl expires --deletion-protection"),
        "{text}"
    );
}

#[test]
fn as_create_carries_a_table_from_dynamodb_local_to_the_embedded_engine() {
    let suite = Suite::new();
    if !suite.on_dynamodb_local() {
        return; // needs a second target: DynamoDB Local, when the suite runs against it
    }
    let table = create(
        &suite,
        &[
            "--pk",
            "pk:S",
            "--sk",
            "n:N",
            "--rcu",
            "2",
            "--wcu",
            "2",
            "--gsi",
            "ByA:a:S:keys",
            "--lsi",
            "ByB:b:N:include=x",
            "--stream",
            "new",
            "--ttl",
            "exp",
        ],
    );
    let words = as_create(&suite, &table);
    let out = recreate(suite.embedded(), &words, &table);
    assert!(out.status.success(), "{}", common::stderr(&out));
    let line = suite
        .embedded()
        .args(["describe-table", &table, "--as", "create"])
        .output()
        .unwrap();
    let embedded = shlex::split(String::from_utf8_lossy(&line.stdout).trim()).unwrap();
    assert_eq!(embedded, words);
}

#[test]
fn reruns_and_changes_that_change_nothing() {
    let suite = Suite::new();
    let spec = [
        "--pk",
        "id:S",
        "--rcu",
        "2",
        "--wcu",
        "2",
        "--ttl",
        "expires",
        "--if-not-exists",
    ];
    let table = create(&suite, &spec);
    let again = |ttl: &str| {
        let mut args = vec!["create-table", table.as_str()];
        args.extend_from_slice(&spec);
        args[9] = ttl;
        suite.run(&args)
    };
    let same = again("expires");
    assert!(
        same.status.success(),
        "a re-run with TTL on: {}",
        common::stderr(&same)
    );
    let other = again("gone");
    assert_eq!(other.status.code(), Some(1));
    assert!(
        common::stderr(&other).contains("TTL on expires, not gone"),
        "{}",
        common::stderr(&other)
    );
    for (args, said) in [
        (
            vec!["--rcu", "2", "--wcu", "2"],
            "its capacity is already that",
        ),
        (
            vec!["--deletion-protection", "off"],
            "deletion protection is already so",
        ),
        (
            vec!["--table-class", "standard"],
            "its class is already that",
        ),
    ] {
        let out = suite.run(&[&["update-table", table.as_str()][..], &args].concat());
        assert!(out.status.success(), "{args:?}: {}", common::stderr(&out));
        assert!(
            common::stderr(&out).contains(said),
            "{args:?}: {}",
            common::stderr(&out)
        );
    }
    let out = suite.run(&[
        "update-table",
        &table,
        "--on-demand",
        "--gsi-capacity",
        "X=1,1",
    ]);
    assert_eq!(out.status.code(), Some(2));
    if !suite.on_dynamodb_local() {
        let d: Value = serde_json::from_str(&suite.run_ok(&[
            "update-table",
            &table,
            "--table-class",
            "infrequent-access",
            "-o",
            "json",
        ]))
        .unwrap();
        assert_eq!(d["table_class"], "STANDARD_INFREQUENT_ACCESS");
    }
}
