//! Just enough of PartiQL to tell, before a SELECT runs, whether DynamoDB will read one partition
//! or scan the whole table: the table (and index) after FROM, and whether the WHERE clause fixes
//! the partition key with `=` or `IN` in a condition that every row must meet.
//!
//! Limits, on purpose: conditions are split on AND at the top level only; an OR at the top level
//! counts as not fixing the key (DynamoDB may still use the key for each branch); a key compared
//! inside a function, a nested document path or a parenthesised OR is not recognised. When the
//! statement is not understood, nothing is claimed either way.

/// What a SELECT reads, as far as its text says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Select {
    pub table: String,
    pub index: Option<String>,
    /// The names compared with `=` or `IN` in top-level AND conditions of the WHERE clause.
    fixed: Vec<String>,
    /// The WHERE clause has an OR at its top level.
    disjunction: bool,
}

impl Select {
    /// Whether the WHERE clause pins `attribute` (the partition key) for every row.
    pub fn fixes(&self, attribute: &str) -> bool {
        !self.disjunction && self.fixed.iter().any(|f| f == attribute)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Token {
    Word(String),
    Quoted(String),
    Literal,
    Symbol(char),
    Op(String),
}

fn tokens(text: &str) -> Option<Vec<Token>> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_whitespace() {
            i += 1;
        } else if c == '"' || c == '\'' {
            let mut j = i + 1;
            let mut text = String::new();
            loop {
                let next = *chars.get(j)?;
                if next == c {
                    // A doubled quote is the quote itself.
                    if chars.get(j + 1) == Some(&c) {
                        text.push(c);
                        j += 2;
                        continue;
                    }
                    break;
                }
                text.push(next);
                j += 1;
            }
            out.push(if c == '"' {
                Token::Quoted(text)
            } else {
                Token::Literal
            });
            i = j + 1;
        } else if c.is_alphanumeric() || c == '_' {
            let start = i;
            while i < chars.len()
                && (chars[i].is_alphanumeric()
                    || chars[i] == '_'
                    || chars[i] == '.' && chars.get(i + 1).is_some_and(|n| n.is_ascii_digit()))
            {
                i += 1;
            }
            let word: String = chars[start..i].iter().collect();
            out.push(if c.is_ascii_digit() {
                Token::Literal
            } else {
                Token::Word(word)
            });
        } else if "<>=!".contains(c) {
            let start = i;
            while i < chars.len() && "<>=!".contains(chars[i]) {
                i += 1;
            }
            out.push(Token::Op(chars[start..i].iter().collect()));
        } else {
            out.push(Token::Symbol(c));
            i += 1;
        }
    }
    Some(out)
}

fn keyword(token: &Token, word: &str) -> bool {
    matches!(token, Token::Word(w) if w.eq_ignore_ascii_case(word))
}

fn name(token: &Token) -> Option<&str> {
    match token {
        Token::Word(w) | Token::Quoted(w) => Some(w),
        _ => None,
    }
}

/// The SELECT's table, index and key conditions; None for any other statement or a text not
/// understood.
pub fn select(statement: &str) -> Option<Select> {
    let tokens = tokens(statement)?;
    if !keyword(tokens.first()?, "select") {
        return None;
    }
    let from = tokens.iter().position(|t| keyword(t, "from"))?;
    let table = name(tokens.get(from + 1)?)?.to_string();
    let mut at = from + 2;
    let mut index = None;
    if tokens.get(at) == Some(&Token::Symbol('.')) {
        index = Some(name(tokens.get(at + 1)?)?.to_string());
        at += 2;
    }
    let mut select = Select {
        table,
        index,
        fixed: Vec::new(),
        disjunction: false,
    };
    match tokens.get(at) {
        None => return Some(select),
        Some(t) if keyword(t, "where") => at += 1,
        Some(_) => return Some(select),
    }
    // Split the WHERE clause on top-level AND; BETWEEN's own AND belongs to it.
    let mut conjuncts: Vec<Vec<&Token>> = vec![Vec::new()];
    let mut depth = 0i32;
    let mut between = false;
    for token in &tokens[at..] {
        match token {
            Token::Symbol('(') | Token::Symbol('[') | Token::Symbol('{') => depth += 1,
            Token::Symbol(')') | Token::Symbol(']') | Token::Symbol('}') => depth -= 1,
            t if depth == 0 && keyword(t, "between") => between = true,
            t if depth == 0 && keyword(t, "and") && between => between = false,
            t if depth == 0 && keyword(t, "and") => {
                conjuncts.push(Vec::new());
                continue;
            }
            t if depth == 0 && keyword(t, "or") => select.disjunction = true,
            _ => {}
        }
        conjuncts.last_mut().expect("one at least").push(token);
    }
    for conjunct in conjuncts {
        // Outer parentheses around one condition do not change it.
        let mut c: &[&Token] = &conjunct;
        while c.len() >= 2 && c[0] == &Token::Symbol('(') && c[c.len() - 1] == &Token::Symbol(')') {
            c = &c[1..c.len() - 1];
        }
        let pinned = match c {
            [attribute, Token::Op(op), ..] if op == "=" && name(attribute).is_some() => {
                name(attribute)
            }
            [attribute, t, ..] if keyword(t, "in") => name(attribute),
            [_, Token::Op(op), attribute] if op == "=" => name(attribute),
            _ => None,
        };
        if let Some(attribute) = pinned {
            select.fixed.push(attribute.to_string());
        }
    }
    Some(select)
}

/// One statement of a script: its text, the line it starts on, and how many `?` it holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Statement {
    pub text: String,
    pub line: usize,
    pub params: usize,
}

/// Splits a script into statements on `;` outside quotes; `--` outside quotes starts a comment
/// that runs to the end of the line. An unclosed quote is an error naming its line.
pub fn split(script: &str) -> Result<Vec<Statement>, String> {
    let mut out = Vec::new();
    let mut current = String::new();
    let (mut line, mut start, mut params) = (1, None, 0);
    let mut quote: Option<(char, usize)> = None;
    let mut chars = script.chars().peekable();
    let mut finish = |text: &mut String, start: &mut Option<usize>, params: &mut usize| {
        if let Some(line) = start.take() {
            out.push(Statement {
                text: text.trim().to_string(),
                line,
                params: *params,
            });
        }
        text.clear();
        *params = 0;
    };
    while let Some(c) = chars.next() {
        if let Some((q, _)) = quote {
            current.push(c);
            if c == q {
                if chars.peek() == Some(&q) {
                    current.push(chars.next().expect("peeked"));
                } else {
                    quote = None;
                }
            }
        } else if c == '-' && chars.peek() == Some(&'-') {
            while chars.peek().is_some_and(|&n| n != '\n') {
                chars.next();
            }
            continue;
        } else if c == ';' {
            finish(&mut current, &mut start, &mut params);
            continue;
        } else {
            if c == '\'' || c == '"' {
                quote = Some((c, line));
            }
            if c == '?' {
                params += 1;
            }
            if !c.is_whitespace() && start.is_none() {
                start = Some(line);
            }
            current.push(c);
        }
        if c == '\n' {
            line += 1;
        }
    }
    if let Some((q, opened)) = quote {
        return Err(format!("line {opened}: the {q} opened here is not closed"));
    }
    finish(&mut current, &mut start, &mut params);
    Ok(out)
}

/// The first word of a statement, upper-cased: SELECT, INSERT, UPDATE, DELETE, EXISTS...
pub fn verb(statement: &str) -> String {
    statement
        .split(|c: char| !c.is_alphanumeric())
        .find(|w| !w.is_empty())
        .unwrap_or("")
        .to_ascii_uppercase()
}

/// The table a statement names (after FROM, INTO or UPDATE), for messages.
pub fn table(statement: &str) -> Option<String> {
    let tokens = tokens(statement)?;
    let at = match verb(statement).as_str() {
        "UPDATE" => 1,
        _ => {
            tokens
                .iter()
                .position(|t| keyword(t, "from") || keyword(t, "into"))?
                + 1
        }
    };
    name(tokens.get(at)?).map(str::to_string)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scripts_split_on_semicolons_outside_quotes() {
        let script = "-- seed; not a statement\nINSERT INTO \"T;1\" VALUE {'a': 'x;y', 'b': 'it''s'};\n\n  SELECT * FROM T WHERE a = ? AND b = ?\n;;UPDATE T SET a = 1 -- trailing\n WHERE k = ?";
        let statements = split(script).unwrap();
        let lines: Vec<_> = statements.iter().map(|s| (s.line, s.params)).collect();
        assert_eq!(lines, vec![(2, 0), (4, 2), (5, 1)]);
        assert_eq!(
            statements[0].text,
            "INSERT INTO \"T;1\" VALUE {'a': 'x;y', 'b': 'it''s'}"
        );
        assert_eq!(statements[2].text, "UPDATE T SET a = 1 \n WHERE k = ?");
        assert_eq!(
            split("SELECT 1;\nSELECT 'open").unwrap_err(),
            "line 2: the ' opened here is not closed"
        );
        assert!(split(" ;\n-- nothing\n").unwrap().is_empty());
        // A ? inside a string, an identifier or a comment is no parameter.
        let quoted =
            split("SELECT * FROM \"T?\" WHERE a = '?' AND b = ? -- c = ?\n AND d = ?").unwrap();
        assert_eq!(quoted[0].params, 2);
    }

    #[test]
    fn the_table_of_each_kind_of_statement() {
        assert_eq!(
            table("insert into \"Movies\" value {'a': 1}").as_deref(),
            Some("Movies")
        );
        assert_eq!(table("UPDATE Movies SET a = 1").as_deref(), Some("Movies"));
        assert_eq!(
            table("DELETE FROM Movies WHERE k = 1").as_deref(),
            Some("Movies")
        );
        assert_eq!(table("SELECT * FROM \"M\".\"I\"").as_deref(), Some("M"));
        assert_eq!(verb("  select 1"), "SELECT");
    }

    fn fixes(statement: &str, key: &str) -> Option<bool> {
        select(statement).map(|s| s.fixes(key))
    }

    #[test]
    fn key_lookups_and_ins_fix_the_partition() {
        assert_eq!(
            fixes(r#"SELECT * FROM "Movies" WHERE "year" = 1992"#, "year"),
            Some(true)
        );
        assert_eq!(
            fixes(
                r#"select title from Movies where year = ? and title between 'A' and 'L'"#,
                "year"
            ),
            Some(true)
        );
        assert_eq!(
            fixes(
                r#"SELECT * FROM Movies WHERE title > 'A' AND ("year" IN [1990, 1991])"#,
                "year"
            ),
            Some(true)
        );
        assert_eq!(
            fixes(r#"SELECT * FROM Movies WHERE ? = "year""#, "year"),
            Some(true)
        );
        assert_eq!(
            fixes(r#"SELECT * FROM Movies WHERE 1992 = "year""#, "year"),
            Some(true)
        );
    }

    #[test]
    fn everything_else_scans() {
        assert_eq!(fixes("SELECT * FROM Movies", "year"), Some(false));
        assert_eq!(
            fixes(r#"SELECT * FROM Movies WHERE "year" > 1990"#, "year"),
            Some(false)
        );
        assert_eq!(
            fixes(
                r#"SELECT * FROM Movies WHERE "year" = 1990 OR title = 'x'"#,
                "year"
            ),
            Some(false)
        );
        assert_eq!(
            fixes(r#"SELECT * FROM Movies WHERE title = 'year'"#, "year"),
            Some(false)
        );
        assert_eq!(
            fixes(r#"SELECT * FROM Movies WHERE info.year = 1"#, "year"),
            Some(false)
        );
    }

    #[test]
    fn the_index_and_other_statements() {
        let s = select(r#"SELECT * FROM "Movies"."ByGenre" WHERE genre = 'Western'"#).unwrap();
        assert_eq!(
            (s.table.as_str(), s.index.as_deref()),
            ("Movies", Some("ByGenre"))
        );
        assert!(s.fixes("genre"));
        assert_eq!(select("UPDATE Movies SET a = 1 WHERE year = 1"), None);
        assert_eq!(select("SELECT * FROM 'unterminated"), None);
    }
}
