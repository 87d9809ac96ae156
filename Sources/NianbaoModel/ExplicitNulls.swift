import Foundation

// The data contract lists every field of every record; outside tools expect an absent value as `null`,
// not as a missing key (which the synthesised `Encodable` would produce). These encoders write every key.

extension DocumentRecord {
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(docId, forKey: .docId)
        try c.encode(source, forKey: .source)
        try c.encode(sha256, forKey: .sha256)
        try c.encode(format, forKey: .format)
        try c.encode(title, forKey: .title)
        try c.encode(region, forKey: .region)
        try c.encode(reportYear, forKey: .reportYear)
        try c.encode(issuer, forKey: .issuer)
        try c.encode(published, forKey: .published)
        try c.encode(pages, forKey: .pages)
        try c.encode(status, forKey: .status)
        try c.encode(errors, forKey: .errors)
    }
}

extension Section {
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(docId, forKey: .docId)
        try c.encode(id, forKey: .id)
        try c.encode(kind, forKey: .kind)
        try c.encode(level, forKey: .level)
        try c.encode(number, forKey: .number)
        try c.encode(title, forKey: .title)
        try c.encode(parent, forKey: .parent)
        try c.encode(pageStart, forKey: .pageStart)
        try c.encode(pageEnd, forKey: .pageEnd)
        try c.encode(lineStart, forKey: .lineStart)
        try c.encode(lineEnd, forKey: .lineEnd)
        try c.encode(blockStart, forKey: .blockStart)
        try c.encode(blockEnd, forKey: .blockEnd)
    }
}

extension Observation {
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(docId, forKey: .docId)
        try c.encode(indicator, forKey: .indicator)
        try c.encode(nameZh, forKey: .nameZh)
        try c.encode(entity, forKey: .entity)
        try c.encode(year, forKey: .year)
        try c.encode(value, forKey: .value)
        try c.encode(unit, forKey: .unit)
        try c.encode(raw, forKey: .raw)
        try c.encode(qualifier, forKey: .qualifier)
        try c.encode(page, forKey: .page)
        try c.encode(line, forKey: .line)
        try c.encode(sectionId, forKey: .sectionId)
        try c.encode(quote, forKey: .quote)
        try c.encode(ruleId, forKey: .ruleId)
        try c.encode(decimals, forKey: .decimals)
        try c.encode(fromTable, forKey: .fromTable)
        try c.encode(group, forKey: .group)
        try c.encode(role, forKey: .role)
        try c.encode(base, forKey: .base)
        try c.encode(primary, forKey: .primary)
    }
}

extension Flag {
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(check, forKey: .check)
        try c.encode(kind, forKey: .kind)
        try c.encode(severity, forKey: .severity)
        try c.encode(entity, forKey: .entity)
        try c.encode(year, forKey: .year)
        try c.encode(indicators, forKey: .indicators)
        try c.encode(stated, forKey: .stated)
        try c.encode(expected, forKey: .expected)
        try c.encode(tolerance, forKey: .tolerance)
        try c.encode(message, forKey: .message)
        try c.encode(evidence, forKey: .evidence)
    }
}

extension CheckRecord {
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(check, forKey: .check)
        try c.encode(kind, forKey: .kind)
        try c.encode(entity, forKey: .entity)
        try c.encode(year, forKey: .year)
        try c.encode(status, forKey: .status)
        try c.encode(flagId, forKey: .flagId)
        try c.encode(missing, forKey: .missing)
    }
}
