/// The subset of SARIF 2.1.0 gilcheck writes (OASIS sarif-schema-2.1.0.json), and the JSON of
/// each part.
enum SARIF {
    struct Log {
        let schema = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
        let version = "2.1.0"
        var runs: [Run]
        var json: JSONValue { .members(["$schema": .string(schema), "version": .string(version), "runs": .array(runs.map(\.json))]) }
    }

    struct Run {
        var tool: Tool
        var invocations: [Invocation]
        var originalUriBaseIds: [String: ArtifactLocation]
        var columnKind = "utf16CodeUnits"
        /// Every input file, analyzed or not: what the run covered, including clean files.
        var artifacts: [Artifact]
        var results: [Result]
        var json: JSONValue {
            .members(["tool": tool.json, "invocations": .array(invocations.map(\.json)),
                      "originalUriBaseIds": .object(originalUriBaseIds.map { ($0.key, $0.value.json) }),
                      "columnKind": .string(columnKind), "artifacts": .array(artifacts.map(\.json)),
                      "results": .array(results.map(\.json))])
        }
    }

    struct Artifact {
        var location: ArtifactLocation
        var roles = ["analysisTarget"]
        var json: JSONValue { .members(["location": location.json, "roles": .array(roles.map(JSONValue.string))]) }
    }

    struct Tool {
        var driver: Driver
        var json: JSONValue { .members(["driver": driver.json]) }
    }

    struct Driver {
        var name: String
        var semanticVersion: String
        var informationUri: String
        var rules: [ReportingDescriptor]
        var json: JSONValue {
            .members(["name": .string(name), "semanticVersion": .string(semanticVersion),
                      "informationUri": .string(informationUri), "rules": .array(rules.map(\.json))])
        }
    }

    struct Text {
        var text: String
        var json: JSONValue { .members(["text": .string(text)]) }
    }

    struct TextAndMarkdown {
        var text: String
        var markdown: String
        var json: JSONValue { .members(["text": .string(text), "markdown": .string(markdown)]) }
    }

    struct ReportingDescriptor {
        var id: String
        var name: String
        var shortDescription: Text
        var fullDescription: Text
        var help: TextAndMarkdown
        var defaultConfiguration: Configuration
        var properties: RuleProperties
        var json: JSONValue {
            .members(["id": .string(id), "name": .string(name), "shortDescription": shortDescription.json,
                      "fullDescription": fullDescription.json, "help": help.json,
                      "defaultConfiguration": defaultConfiguration.json, "properties": properties.json])
        }
    }

    struct Configuration {
        var level: String
        var json: JSONValue { .members(["level": .string(level)]) }
    }

    struct RuleProperties {
        var tags: [String]
        var precision: String
        var problemSeverity: String
        var json: JSONValue {
            .members(["tags": .array(tags.map(JSONValue.string)), "precision": .string(precision),
                      "problem.severity": .string(problemSeverity)])
        }
    }

    struct Invocation {
        var executionSuccessful: Bool
        var toolExecutionNotifications: [Notification]
        var json: JSONValue {
            .members(["executionSuccessful": .bool(executionSuccessful),
                      "toolExecutionNotifications": .array(toolExecutionNotifications.map(\.json))])
        }
    }

    struct Notification {
        var level: String
        var message: Text
        var locations: [Location]?
        var json: JSONValue {
            .members(["level": .string(level), "message": message.json, "locations": locations.map { .array($0.map(\.json)) }])
        }
    }

    struct ArtifactLocation {
        var uri: String
        var uriBaseId: String?
        var json: JSONValue { .members(["uri": .string(uri), "uriBaseId": uriBaseId.map(JSONValue.string)]) }
    }

    struct Region {
        var startLine: Int
        var startColumn: Int?
        var endLine: Int?
        var endColumn: Int?
        var json: JSONValue {
            .members(["startLine": .int(startLine), "startColumn": startColumn.map(JSONValue.int),
                      "endLine": endLine.map(JSONValue.int), "endColumn": endColumn.map(JSONValue.int)])
        }
    }

    struct PhysicalLocation {
        var artifactLocation: ArtifactLocation
        var region: Region?
        var json: JSONValue { .members(["artifactLocation": artifactLocation.json, "region": region?.json]) }
    }

    struct Location {
        var id: Int?
        var physicalLocation: PhysicalLocation
        var message: Text?
        var json: JSONValue {
            .members(["id": id.map(JSONValue.int), "physicalLocation": physicalLocation.json, "message": message?.json])
        }
    }

    struct Result {
        var ruleId: String
        var ruleIndex: Int
        var level: String
        var message: Text
        var locations: [Location]
        var relatedLocations: [Location]?
        var partialFingerprints: [String: String]
        /// Present on every result of a run that includes suppressed findings (all or none).
        var suppressions: [SuppressionEntry]?
        var json: JSONValue {
            .members(["ruleId": .string(ruleId), "ruleIndex": .int(ruleIndex), "level": .string(level),
                      "message": message.json, "locations": .array(locations.map(\.json)),
                      "relatedLocations": relatedLocations.map { .array($0.map(\.json)) },
                      "partialFingerprints": .object(partialFingerprints.map { ($0.key, .string($0.value)) }),
                      "suppressions": suppressions.map { .array($0.map(\.json)) }])
        }
    }

    struct SuppressionEntry {
        var kind: String
        var justification: String
        var json: JSONValue { .members(["kind": .string(kind), "justification": .string(justification)]) }
    }
}
