import Alerting
import Foundation
import Rules
import TestSupport
import Testing
import VigilDaemon

/// `templates:` in vigil.yml: the files its patterns match are read with the escalation files, a
/// receiver's template may run what they define, and one that runs a template nobody defines is
/// refused naming the receiver's field, so `vigil check config`, start-up and reload all catch it.
@Suite struct TemplateFilesConfigTests {
    @Test func definedTemplatesAreLoadedAndAnUndefinedOneIsRefused() throws {
        let directory = TestDirectory()
        try directory.write(
            "etc/templates/org.tmpl", #"{{ define "org.title" }}{{ template "__subject" . }} (org){{ end }}"#)
        let path = try directory.write(
            "etc/vigil.yml",
            """
            templates: ['templates/*.tmpl']
            receivers:
              - name: chat
                slack_configs:
                  - api_url: http://127.0.0.1:9/hook
                    title: '{{ template "org.title" . }}'
            """)
        let config = try ConfigLoader.load(path: path)
        #expect(config.templateFiles == [directory.file("etc/templates/*.tmpl")])
        let escalation = try EscalationFileSet.load(for: config)
        #expect(escalation.templates.names.contains("org.title"))

        try directory.write(
            "etc/vigil.yml",
            """
            templates: ['templates/*.tmpl']
            receivers:
              - name: chat
                slack_configs:
                  - api_url: http://127.0.0.1:9/hook
                    text: '{{ template "org.text" . }}'
            """)
        let broken = try ConfigLoader.load(path: path)
        #expect {
            try EscalationFileSet.load(for: broken)
        } throws: { error in
            let text = "\(error)"
            return text.contains("receivers[0].slack_configs[0].text") && text.contains(#"no such template "org.text""#)
        }
    }
}
