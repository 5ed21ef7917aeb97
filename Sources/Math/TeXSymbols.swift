/// What a symbol command (`\alpha`, `\leq`, `\sum`, `\sin`) stands for.
enum TeXSymbol {
  /// An identifier, e.g. `\alpha` → α; `upright` for capital Greek and symbols like ∂.
  case identifier(String)
  /// An operator, relation, arrow or punctuation, e.g. `\leq` → ≤.
  case symbol(String)
  /// A large operator; `limits` puts its scripts under and over it (∑), else beside it (∫).
  case largeOperator(String, limits: Bool)
  /// A function name set upright, e.g. `\sin`; `limits` for `\lim`, `\max` and friends.
  case function(String, limits: Bool)
  /// Horizontal space in em.
  case space(Double)
  /// A relation wide enough to want thick space around it, e.g. `\iff`.
  case spacedSymbol(String, space: Double)
  /// Commands with no visible output here, e.g. `\hline`, `\nonumber`.
  case nothing
}

/// The symbol commands the converter knows, by name without the backslash.
enum TeXSymbols {
  static let greek: [String: String] = [
    "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ϵ", "varepsilon": "ε",
    "zeta": "ζ", "eta": "η", "theta": "θ", "vartheta": "ϑ", "iota": "ι", "kappa": "κ",
    "varkappa": "ϰ", "lambda": "λ", "mu": "μ", "nu": "ν", "xi": "ξ", "omicron": "ο", "pi": "π",
    "varpi": "ϖ", "rho": "ρ", "varrho": "ϱ", "sigma": "σ", "varsigma": "ς", "tau": "τ",
    "upsilon": "υ", "phi": "ϕ", "varphi": "φ", "chi": "χ", "psi": "ψ", "omega": "ω",
    "Gamma": "Γ", "Delta": "Δ", "Theta": "Θ", "Lambda": "Λ", "Xi": "Ξ", "Pi": "Π", "Sigma": "Σ",
    "Upsilon": "Υ", "Phi": "Φ", "Psi": "Ψ", "Omega": "Ω",
  ]

  static let identifiers: [String: String] = [
    "partial": "∂", "nabla": "∇", "infty": "∞", "ell": "ℓ", "hbar": "ℏ", "imath": "ı",
    "jmath": "ȷ", "emptyset": "∅", "varnothing": "∅", "aleph": "ℵ", "Re": "ℜ", "Im": "ℑ",
    "wp": "℘", "forall": "∀", "exists": "∃", "nexists": "∄", "neg": "¬", "lnot": "¬",
    "top": "⊤", "bot": "⊥", "angle": "∠", "triangle": "△", "Box": "□", "prime": "′",
    "vdots": "⋮", "degree": "°", "checkmark": "✓", "dagger": "†", "ddagger": "‡",
    "S": "§", "P": "¶", "clubsuit": "♣", "diamondsuit": "♢", "heartsuit": "♡", "spadesuit": "♠",
    "flat": "♭", "natural": "♮", "sharp": "♯",
  ]

  static let operators: [String: String] = [
    // Binary operators.
    "pm": "±", "mp": "∓", "times": "×", "div": "÷", "cdot": "⋅", "circ": "∘", "bullet": "∙",
    "ast": "∗", "star": "⋆", "odot": "⊙", "otimes": "⊗", "oplus": "⊕", "ominus": "⊖",
    "oslash": "⊘", "cap": "∩", "cup": "∪", "sqcap": "⊓", "sqcup": "⊔", "setminus": "∖",
    "smallsetminus": "∖", "wedge": "∧", "land": "∧", "vee": "∨", "lor": "∨", "uplus": "⊎",
    "amalg": "⨿", "diamond": "⋄", "triangleleft": "◃", "triangleright": "▹", "wr": "≀",
    "cdotp": "⋅", "ldotp": ".", "colon": ":",
    // Relations.
    "leq": "≤", "le": "≤", "geq": "≥", "ge": "≥", "neq": "≠", "ne": "≠", "approx": "≈",
    "equiv": "≡", "sim": "∼", "simeq": "≃", "cong": "≅", "propto": "∝", "ll": "≪", "gg": "≫",
    "leqslant": "⩽", "geqslant": "⩾", "lesssim": "≲", "gtrsim": "≳", "prec": "≺", "succ": "≻",
    "preceq": "⪯", "succeq": "⪰", "in": "∈", "notin": "∉", "ni": "∋", "subset": "⊂",
    "supset": "⊃", "subseteq": "⊆", "supseteq": "⊇", "subsetneq": "⊊", "supsetneq": "⊋",
    "sqsubseteq": "⊑", "sqsupseteq": "⊒", "mid": "∣", "nmid": "∤", "parallel": "∥",
    "nparallel": "∦", "perp": "⊥", "models": "⊨", "vdash": "⊢", "dashv": "⊣", "asymp": "≍",
    "doteq": "≐", "coloneqq": "≔", "eqqcolon": "≕", "triangleq": "≜", "bowtie": "⋈",
    "lt": "<", "gt": ">", "smile": "⌣", "frown": "⌢", "vert": "∣", "Vert": "∥",
    "lvert": "∣", "rvert": "∣", "lVert": "∥", "rVert": "∥",
    // Arrows.
    "to": "→", "rightarrow": "→", "leftarrow": "←", "gets": "←", "leftrightarrow": "↔",
    "Rightarrow": "⇒", "Leftarrow": "⇐", "Leftrightarrow": "⇔", "implies": "⟹",
    "impliedby": "⟸", "mapsto": "↦", "longmapsto": "⟼", "longrightarrow": "⟶",
    "longleftarrow": "⟵", "longleftrightarrow": "⟷", "Longrightarrow": "⟹",
    "Longleftarrow": "⟸", "Longleftrightarrow": "⟺", "uparrow": "↑", "downarrow": "↓",
    "updownarrow": "↕", "Uparrow": "⇑", "Downarrow": "⇓", "Updownarrow": "⇕", "nearrow": "↗",
    "searrow": "↘", "swarrow": "↙", "nwarrow": "↖", "hookrightarrow": "↪",
    "hookleftarrow": "↩", "rightleftharpoons": "⇌", "leftrightharpoons": "⇋",
    "rightharpoonup": "⇀", "leftharpoonup": "↼", "leadsto": "⇝", "circlearrowleft": "↺",
    "circlearrowright": "↻",
    // Delimiters and dots.
    "langle": "⟨", "rangle": "⟩", "lfloor": "⌊", "rfloor": "⌋", "lceil": "⌈", "rceil": "⌉",
    "lbrace": "{", "rbrace": "}", "lbrack": "[", "rbrack": "]", "backslash": "∖",
    "ldots": "…", "dots": "…", "dotsc": "…", "dotsb": "⋯", "cdots": "⋯", "ddots": "⋱",
    "therefore": "∴", "because": "∵",
  ]

  static let largeOperators: [String: (String, Bool)] = [
    "sum": ("∑", true), "prod": ("∏", true), "coprod": ("∐", true), "bigcup": ("⋃", true),
    "bigcap": ("⋂", true), "bigoplus": ("⨁", true), "bigotimes": ("⨂", true),
    "bigodot": ("⨀", true), "bigvee": ("⋁", true), "bigwedge": ("⋀", true),
    "bigsqcup": ("⨆", true), "biguplus": ("⨄", true), "int": ("∫", false),
    "iint": ("∬", false), "iiint": ("∭", false), "oint": ("∮", false), "smallint": ("∫", false),
  ]

  static let functions: [String: (String, Bool)] = [
    "sin": ("sin", false), "cos": ("cos", false), "tan": ("tan", false), "cot": ("cot", false),
    "sec": ("sec", false), "csc": ("csc", false), "arcsin": ("arcsin", false),
    "arccos": ("arccos", false), "arctan": ("arctan", false), "sinh": ("sinh", false),
    "cosh": ("cosh", false), "tanh": ("tanh", false), "coth": ("coth", false),
    "log": ("log", false), "ln": ("ln", false), "lg": ("lg", false), "exp": ("exp", false),
    "arg": ("arg", false), "dim": ("dim", false), "ker": ("ker", false), "deg": ("deg", false),
    "hom": ("hom", false), "lim": ("lim", true), "liminf": ("lim inf", true),
    "limsup": ("lim sup", true), "max": ("max", true), "min": ("min", true),
    "sup": ("sup", true), "inf": ("inf", true), "det": ("det", true), "gcd": ("gcd", true),
    "Pr": ("Pr", true), "argmax": ("arg max", true), "argmin": ("arg min", true),
  ]

  /// Widths in em, as TeX sets them (`\,` is 3/18 em).
  static let spaces: [String: Double] = [
    ",": 3.0 / 18, "thinspace": 3.0 / 18, ":": 4.0 / 18, ">": 4.0 / 18, "medspace": 4.0 / 18,
    ";": 5.0 / 18, "thickspace": 5.0 / 18, "!": -3.0 / 18, "negthinspace": -3.0 / 18,
    " ": 0.25, "quad": 1, "qquad": 2, "enspace": 0.5,
  ]

  /// Escaped characters: `\{` is a brace, `\$` a dollar.
  static let escapedCharacters: [String: TeXSymbol] = [
    "{": .symbol("{"), "}": .symbol("}"), "|": .symbol("∥"), "$": .identifier("$"),
    "%": .identifier("%"), "&": .symbol("&"), "#": .identifier("#"), "_": .identifier("_"),
  ]

  static func lookup(_ name: String) -> TeXSymbol? {
    if let letter = greek[name] { return .identifier(letter) }
    if let text = identifiers[name] { return .identifier(text) }
    if let text = operators[name] { return .symbol(text) }
    if let (text, limits) = largeOperators[name] { return .largeOperator(text, limits: limits) }
    if let (text, limits) = functions[name] { return .function(text, limits: limits) }
    if let width = spaces[name] { return .space(width) }
    if let escaped = escapedCharacters[name] { return escaped }
    switch name {
    case "iff": return .spacedSymbol("⟺", space: 5.0 / 18)
    case "hline", "nonumber", "notag", "displaylimits": return .nothing
    default: return nil
    }
  }
}
