// A test-only launcher of the full-screen UI, used by scripts/tui-e2e.sh until the `remotes`
// executable opens the UI itself. It resolves the files as `remotes` does and runs TUIApp with
// the services that report "not available yet".
//
//   remotes-tui-demo [--config FILE] [--system-config FILE] [--singularity] [--no-color]
//                    [--not-root] [--keybindings-markdown]
import Foundation
import RemotesCore
import RemotesTUI

var configFlag: String?
var systemConfigFlag: String?
var flavor = Flavor.apptainer
var noColor = false
var notRoot = false
var arguments = CommandLine.arguments.dropFirst()
while let argument = arguments.popFirst() {
    switch argument {
    case "--config": configFlag = arguments.popFirst()
    case "--system-config": systemConfigFlag = arguments.popFirst()
    case "--singularity": flavor = .singularity
    case "--no-color": noColor = true
    case "--not-root": notRoot = true
    case "--help", "-h":
        print(
            """
            usage: remotes-tui-demo [--config FILE] [--system-config FILE] [--singularity] [--no-color]
                                    [--not-root] [--keybindings-markdown]
            Test-only launcher of the remotes full-screen UI (network features report "not available yet").
            """)
        exit(0)
    case "--keybindings-markdown":
        print(KeyTable.markdown(), terminator: "")
        exit(0)
    default:
        FileHandle.standardError.write(Data("remotes-tui-demo: unknown argument \(argument)\n".utf8))
        exit(64)
    }
}
let environment = ProcessInfo.processInfo.environment
let locations = ConfigLocations.resolve(
    flavor: flavor, configFlag: configFlag, systemConfigFlag: systemConfigFlag, environment: environment)
let store = notRoot ? ConfigStore(locations: locations, isRoot: false) : ConfigStore(locations: locations)
let code = TUIApp.run(
    store: store, services: UnavailableServices(), options: TUIOptions(noColor: noColor, environment: environment))
exit(code)
