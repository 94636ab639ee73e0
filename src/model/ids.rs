//! Deterministic record identifiers: newtypes whose value is derived from content.
//!
//! Every ID is a short prefix plus the first 16 hex digits of a SHA-256 digest, so the
//! same input always yields the same ID, in every run and on every machine.

use std::borrow::Cow;
use std::fmt;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::{ActorKind, SourceKind};
use crate::model::names::fold_name;

/// Lower-case hex of a SHA-256 digest of `bytes`.
pub fn sha256_hex(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

fn hex(bytes: &[u8]) -> String {
    let mut s = String::with_capacity(bytes.len() * 2);
    push_hex(&mut s, bytes);
    s
}

/// Appends the lower-case hex digits of `bytes` to `s`.
fn push_hex(s: &mut String, bytes: &[u8]) {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    for b in bytes {
        s.push(DIGITS[(b >> 4) as usize] as char);
        s.push(DIGITS[(b & 15) as usize] as char);
    }
}

/// `prefix` + 16 hex digits of the SHA-256 of the parts joined by the unit separator.
fn derive(prefix: &str, parts: &[&[u8]]) -> String {
    let mut h = Sha256::new();
    for (i, p) in parts.iter().enumerate() {
        if i > 0 {
            h.update([0x1f]);
        }
        h.update(p);
    }
    let mut id = String::with_capacity(prefix.len() + 16);
    id.push_str(prefix);
    push_hex(&mut id, &h.finalize()[..8]);
    id
}

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident, $prefix:literal) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(String);

        impl $name {
            /// The prefix every ID of this type starts with.
            pub const PREFIX: &'static str = $prefix;

            /// The ID as a string slice.
            pub fn as_str(&self) -> &str {
                &self.0
            }

            /// Wraps an ID read back from a dataset, without checking its derivation.
            pub fn from_stored(s: impl Into<String>) -> Self {
                Self(s.into())
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl JsonSchema for $name {
            fn schema_name() -> Cow<'static, str> {
                stringify!($name).into()
            }

            fn json_schema(_: &mut SchemaGenerator) -> Schema {
                json_schema!({
                    "type": "string",
                    "pattern": concat!("^", $prefix, "[0-9a-f]{16}$"),
                    "description": concat!("Deterministic ID: `", $prefix, "` and 16 hex digits of a SHA-256 digest")
                })
            }
        }
    };
}

id_type!(
    /// ID of an article, derived from the SHA-256 of its raw input bytes.
    ArticleId,
    "art_"
);
id_type!(
    /// ID of a claim, derived from its article and span.
    ClaimId,
    "clm_"
);
id_type!(
    /// ID of an actor, derived from its kind and normalised name.
    ActorId,
    "act_"
);
id_type!(
    /// ID of a source, derived from its kind and normalised name.
    SourceId,
    "src_"
);
id_type!(
    /// ID of a mention, derived from its article, actor and span.
    MentionId,
    "men_"
);

impl ArticleId {
    /// The ID of an article whose raw input has the given SHA-256 hex digest.
    pub fn from_raw_sha256(raw_sha256: &str) -> Self {
        Self(derive(Self::PREFIX, &[raw_sha256.as_bytes()]))
    }
}

impl ClaimId {
    /// The ID of the claim spanning `start..end` (code points) of an article.
    pub fn derive(article: &ArticleId, start: u32, end: u32) -> Self {
        let (mut s, mut e) = (itoa::Buffer::new(), itoa::Buffer::new());
        Self(derive(
            Self::PREFIX,
            &[
                article.as_str().as_bytes(),
                s.format(start).as_bytes(),
                e.format(end).as_bytes(),
            ],
        ))
    }
}

impl ActorId {
    /// The ID of an actor: its kind and its folded name (see [`fold_name`]).
    pub fn derive(kind: ActorKind, name: &str) -> Self {
        Self(derive(
            Self::PREFIX,
            &[kind.as_str().as_bytes(), fold_name(name).as_bytes()],
        ))
    }
}

impl SourceId {
    /// The ID of a source: its kind and its folded name (see [`fold_name`]).
    pub fn derive(kind: SourceKind, name: &str) -> Self {
        Self(derive(
            Self::PREFIX,
            &[kind.as_str().as_bytes(), fold_name(name).as_bytes()],
        ))
    }
}

impl MentionId {
    /// The ID of a mention of `actor` spanning `start..end` of an article.
    pub fn derive(article: &ArticleId, actor: &ActorId, start: u32, end: u32) -> Self {
        let (mut s, mut e) = (itoa::Buffer::new(), itoa::Buffer::new());
        Self(derive(
            Self::PREFIX,
            &[
                article.as_str().as_bytes(),
                actor.as_str().as_bytes(),
                s.format(start).as_bytes(),
                e.format(end).as_bytes(),
            ],
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn actor_ids_ignore_case_apostrophes_and_diacritics() {
        let a = ActorId::derive(ActorKind::ArmedGroup, "Jama’at Nasr al-Islam wal Muslimin");
        let b = ActorId::derive(ActorKind::ArmedGroup, "jamaat nasr al islam wal muslimin");
        assert_eq!(a, b);
        assert_ne!(
            a,
            ActorId::derive(ActorKind::Organization, "jamaat nasr al islam wal muslimin")
        );
        assert!(a.as_str().starts_with("act_") && a.as_str().len() == 20);
    }

    /// The derivations are part of the dataset contract: these values were computed
    /// independently (Python's hashlib) from the definitions.
    #[test]
    fn ids_have_their_contract_values() {
        let art = ArticleId::from_raw_sha256(&sha256_hex(b"x"));
        assert_eq!(art.as_str(), "art_a57b5956dbc6e021");
        assert_eq!(
            ClaimId::derive(&art, 0, 12345).as_str(),
            "clm_da35b08af2e79b60"
        );
        let act = ActorId::derive(ActorKind::ArmedGroup, "Jama’at Nasr al-Islam wal Muslimin");
        assert_eq!(act.as_str(), "act_3028f4363bedc2c3");
        assert_eq!(
            MentionId::derive(&art, &act, 7, u32::MAX).as_str(),
            "men_c91a7492e17e0ba5"
        );
    }

    #[test]
    fn claim_ids_depend_on_span() {
        let art = ArticleId::from_raw_sha256(&sha256_hex(b"x"));
        assert_ne!(ClaimId::derive(&art, 0, 5), ClaimId::derive(&art, 0, 6));
        assert_eq!(ClaimId::derive(&art, 0, 5), ClaimId::derive(&art, 0, 5));
    }
}
