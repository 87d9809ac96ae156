/// A String of Unicode scalar values (each a valid scalar), its UTF-8 written straight into the String's
/// storage: appending scalars to a `String.UnicodeScalarView` one by one costs several times more.
@inlinable public func utf8String<Scalars: Collection>(_ scalars: Scalars) -> String where Scalars.Element == UInt32 {
    String(unsafeUninitializedCapacity: scalars.count * 4) { buffer in
        var k = 0
        for value in scalars {
            if value < 0x80 {
                buffer[k] = UInt8(value); k += 1
            } else if value < 0x800 {
                buffer[k] = UInt8(0xC0 | value >> 6); buffer[k + 1] = UInt8(0x80 | value & 0x3F); k += 2
            } else if value < 0x10000 {
                buffer[k] = UInt8(0xE0 | value >> 12); buffer[k + 1] = UInt8(0x80 | (value >> 6) & 0x3F)
                buffer[k + 2] = UInt8(0x80 | value & 0x3F); k += 3
            } else {
                buffer[k] = UInt8(0xF0 | value >> 18); buffer[k + 1] = UInt8(0x80 | (value >> 12) & 0x3F)
                buffer[k + 2] = UInt8(0x80 | (value >> 6) & 0x3F); buffer[k + 3] = UInt8(0x80 | value & 0x3F); k += 4
            }
        }
        return k
    }
}
