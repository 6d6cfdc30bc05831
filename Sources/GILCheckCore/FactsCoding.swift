import Foundation

/// How facts cross from a worker process and sit in the cache: Foundation's binary property
/// lists, which store each distinct string (file paths, names) once and decode several times
/// faster than JSON.
enum FactsCoding {
    static func encode<T: Encodable>(_ value: T) throws -> Data {
        let encoder = PropertyListEncoder()
        encoder.outputFormat = .binary
        return try encoder.encode(value)
    }

    static func decode<T: Decodable>(_ type: T.Type, from data: Data) throws -> T {
        try PropertyListDecoder().decode(type, from: data)
    }
}
