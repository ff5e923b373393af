//! Item size by DynamoDB's published rules, for the 400 KB limit and capacity-unit arithmetic.

use aws_sdk_dynamodb::types::AttributeValue;

use super::Item;

/// DynamoDB's maximum item size: 400 KB, names and values together.
pub const MAX_ITEM_BYTES: usize = 400 * 1024;

/// The size DynamoDB counts for an item: each attribute name's UTF-8 length plus its value's size.
pub fn item_size(item: &Item) -> usize {
    item.iter()
        .map(|(name, value)| name.len() + value_size(value))
        .sum()
}

fn value_size(value: &AttributeValue) -> usize {
    match value {
        AttributeValue::S(s) => s.len(),
        AttributeValue::N(n) => number_size(n),
        AttributeValue::B(b) => b.as_ref().len(),
        AttributeValue::Bool(_) | AttributeValue::Null(_) => 1,
        // A list or map costs 3 bytes plus 1 byte per element, plus its elements.
        AttributeValue::L(items) => 3 + items.iter().map(|v| 1 + value_size(v)).sum::<usize>(),
        AttributeValue::M(map) => {
            3 + map
                .iter()
                .map(|(k, v)| 1 + k.len() + value_size(v))
                .sum::<usize>()
        }
        AttributeValue::Ss(items) => items.iter().map(String::len).sum(),
        AttributeValue::Ns(items) => items.iter().map(|n| number_size(n)).sum(),
        AttributeValue::Bs(items) => items.iter().map(|b| b.as_ref().len()).sum(),
        _ => 0,
    }
}

/// Numbers take about one byte per two significant digits, plus one byte.
fn number_size(text: &str) -> usize {
    let mantissa = text.split(['e', 'E']).next().unwrap_or(text);
    let digits: String = mantissa.chars().filter(char::is_ascii_digit).collect();
    let significant = digits.trim_start_matches('0').trim_end_matches('0');
    significant.len().div_ceil(2) + 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_follow_the_published_rules() {
        let item: Item = [
            ("pk".to_string(), AttributeValue::S("abc".into())),
            ("n".to_string(), AttributeValue::N("12345".into())),
            (
                "l".to_string(),
                AttributeValue::L(vec![AttributeValue::Bool(true)]),
            ),
        ]
        .into();
        // pk: 2 + 3; n: 1 + (3 + 1); l: 1 + 3 + (1 + 1)
        assert_eq!(item_size(&item), 5 + 5 + 6);
    }
}
