//! The closed sets of the syntax layer: universal part-of-speech tags and the dependency
//! relations (with the subtypes EWT uses).

macro_rules! closed_set {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident = $text:literal,)+ }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[repr(u8)]
        pub enum $name {
            $($(#[$vmeta])* $variant,)+
        }

        impl $name {
            /// Every value, in declaration order (the order of the model's classes).
            pub const ALL: &'static [$name] = &[$($name::$variant,)+];

            /// The name as UD writes it.
            pub fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $text,)+
                }
            }

            /// The value UD writes as `s`.
            pub fn parse(s: &str) -> Option<$name> {
                match s {
                    $($text => Some($name::$variant),)+
                    _ => None,
                }
            }

            /// The value at position `i` of [`Self::ALL`].
            pub(crate) fn from_index(i: usize) -> $name {
                Self::ALL[i]
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

closed_set! {
    /// A universal part-of-speech tag.
    Upos {
        /// Adjective.
        Adj = "ADJ",
        /// Adposition.
        Adp = "ADP",
        /// Adverb.
        Adv = "ADV",
        /// Auxiliary.
        Aux = "AUX",
        /// Coordinating conjunction.
        Cconj = "CCONJ",
        /// Determiner.
        Det = "DET",
        /// Interjection.
        Intj = "INTJ",
        /// Noun.
        Noun = "NOUN",
        /// Numeral.
        Num = "NUM",
        /// Particle.
        Part = "PART",
        /// Pronoun.
        Pron = "PRON",
        /// Proper noun.
        Propn = "PROPN",
        /// Punctuation.
        Punct = "PUNCT",
        /// Subordinating conjunction.
        Sconj = "SCONJ",
        /// Symbol.
        Sym = "SYM",
        /// Verb.
        Verb = "VERB",
        /// Other.
        X = "X",
    }
}

closed_set! {
    /// A dependency relation: the universal ones and the subtypes of English EWT.
    Deprel {
        /// Clausal modifier of a noun.
        Acl = "acl",
        /// Relative clause.
        AclRelcl = "acl:relcl",
        /// Adverbial clause.
        Advcl = "advcl",
        /// Relative clause modifying a clause.
        AdvclRelcl = "advcl:relcl",
        /// Adverbial modifier.
        Advmod = "advmod",
        /// Adjectival modifier.
        Amod = "amod",
        /// Apposition.
        Appos = "appos",
        /// Auxiliary.
        Aux = "aux",
        /// Passive auxiliary.
        AuxPass = "aux:pass",
        /// Case marker.
        Case = "case",
        /// Coordinating conjunction.
        Cc = "cc",
        /// Preconjunct (`either`, `both`).
        CcPreconj = "cc:preconj",
        /// Clausal complement.
        Ccomp = "ccomp",
        /// Classifier.
        Clf = "clf",
        /// Compound.
        Compound = "compound",
        /// Phrasal verb particle.
        CompoundPrt = "compound:prt",
        /// Conjunct.
        Conj = "conj",
        /// Copula.
        Cop = "cop",
        /// Clausal subject.
        Csubj = "csubj",
        /// Clausal subject of a clause that has another subject.
        CsubjOuter = "csubj:outer",
        /// Clausal passive subject.
        CsubjPass = "csubj:pass",
        /// Unspecified dependency.
        Dep = "dep",
        /// Determiner.
        Det = "det",
        /// Predeterminer.
        DetPredet = "det:predet",
        /// Discourse element.
        Discourse = "discourse",
        /// Dislocated element.
        Dislocated = "dislocated",
        /// Expletive.
        Expl = "expl",
        /// Fixed multiword expression.
        Fixed = "fixed",
        /// Flat multiword expression (names).
        Flat = "flat",
        /// Goes with.
        Goeswith = "goeswith",
        /// Indirect object.
        Iobj = "iobj",
        /// List.
        List = "list",
        /// Marker.
        Mark = "mark",
        /// Nominal modifier.
        Nmod = "nmod",
        /// Descriptive nominal modifier.
        NmodDesc = "nmod:desc",
        /// Possessive nominal modifier.
        NmodPoss = "nmod:poss",
        /// Nominal modifier without a case marker.
        NmodUnmarked = "nmod:unmarked",
        /// Numeric modifier.
        Nummod = "nummod",
        /// Nominal subject.
        Nsubj = "nsubj",
        /// Nominal subject of a clause that has another subject.
        NsubjOuter = "nsubj:outer",
        /// Passive nominal subject.
        NsubjPass = "nsubj:pass",
        /// Object.
        Obj = "obj",
        /// Oblique nominal.
        Obl = "obl",
        /// Agent of a passive (`by …`).
        OblAgent = "obl:agent",
        /// Oblique without a case marker.
        OblUnmarked = "obl:unmarked",
        /// Orphan in an ellipsis.
        Orphan = "orphan",
        /// Parataxis.
        Parataxis = "parataxis",
        /// Punctuation.
        Punct = "punct",
        /// Overridden disfluency.
        Reparandum = "reparandum",
        /// Root.
        Root = "root",
        /// Vocative.
        Vocative = "vocative",
        /// Open clausal complement.
        Xcomp = "xcomp",
    }
}

impl Deprel {
    /// The relation UD writes as `s`; an unknown subtype falls back to its universal
    /// relation, anything else to `dep`.
    pub fn parse_lenient(s: &str) -> Deprel {
        Deprel::parse(s)
            .or_else(|| s.split(':').next().and_then(Deprel::parse))
            .unwrap_or(Deprel::Dep)
    }
}
