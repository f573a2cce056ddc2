#!/usr/bin/env bash
# Deploys ModelMonitor into one resource group:
#   1. checks prerequisites (az CLI, login, subscription, dotnet, zip),
#   2. creates the resource group if it is missing,
#   3. previews the Bicep deployment (az deployment group what-if) and asks before applying it,
#   4. applies it (az deployment group create, incremental, fixed deployment name),
#   5. publishes the function app with the official Event Hubs extension and deploys the zip.
# Every step is idempotent: a rerun converges on the same state and redeploys the same package.
#
# Secrets and monitored sites are read from the environment by the parameter files, never from the command line:
#   MODELMONITOR_TEAMS_WEBHOOK_URL, MODELMONITOR_SLACK_WEBHOOK_URL      notification webhooks (stored in Key Vault)
#   MODELMONITOR_MONITORED_SITE_IDS                                     JSON array of App Service site resource ids
#   MODELMONITOR_WEBHOOK_AAD_OBJECT_ID, MODELMONITOR_WEBHOOK_AAD_IDENTIFIER_URI   secure webhook (prod parameters)
set -euo pipefail

readonly MIN_AZ_VERSION="2.60.0"   # Flex Consumption support in az functionapp, .bicepparam files
readonly MIN_DOTNET_MAJOR=10

script_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo_root="$(cd "${script_dir}/.." && pwd)"
readonly script_dir repo_root

usage() {
  cat <<USAGE
Usage: infra/deploy.sh -g <resource-group> -l <location> -e <dev|prod> [options]

Required:
  -g, --resource-group NAME   resource group to deploy into (created if missing)
  -l, --location REGION       Azure region, e.g. westeurope (the resource group's region; all resources follow it)
  -e, --env dev|prod          environment: selects bicep/main.<env>.bicepparam

Options:
  -s, --subscription ID       subscription to use (default: the az CLI's current one)
  -y, --yes                   apply without asking after the what-if (needed when not run from a terminal)
      --what-if-only          stop after the what-if preview
      --skip-app              deploy infrastructure only; do not build or deploy the function app
  -h, --help                  show this help

Environment (optional): MODELMONITOR_TEAMS_WEBHOOK_URL, MODELMONITOR_SLACK_WEBHOOK_URL,
MODELMONITOR_MONITORED_SITE_IDS (JSON array), MODELMONITOR_WEBHOOK_AAD_OBJECT_ID, MODELMONITOR_WEBHOOK_AAD_IDENTIFIER_URI.
USAGE
}

log() { printf '==> %s\n' "$*" >&2; }
die() { printf 'deploy.sh: error: %s\n' "$*" >&2; exit 1; }

resource_group=""
location=""
env_name=""
subscription=""
assume_yes=false
what_if_only=false
skip_app=false

parse_args() {
  while (($# > 0)); do
    case "$1" in
      -g | --resource-group) resource_group="${2:?"$1 needs a value"}"; shift 2 ;;
      -l | --location) location="${2:?"$1 needs a value"}"; shift 2 ;;
      -e | --env) env_name="${2:?"$1 needs a value"}"; shift 2 ;;
      -s | --subscription) subscription="${2:?"$1 needs a value"}"; shift 2 ;;
      -y | --yes) assume_yes=true; shift ;;
      --what-if-only) what_if_only=true; shift ;;
      --skip-app) skip_app=true; shift ;;
      -h | --help) usage; exit 0 ;;
      *) usage >&2; die "unknown argument: $1" ;;
    esac
  done

  [[ -n "${resource_group}" ]] || { usage >&2; die "--resource-group is required"; }
  [[ -n "${location}" ]] || { usage >&2; die "--location is required"; }
  case "${env_name}" in
    dev | prod) ;;
    *) usage >&2; die "--env must be dev or prod" ;;
  esac
}

version_at_least() { # version_at_least ACTUAL MINIMUM
  [[ "$(printf '%s\n%s\n' "$2" "$1" | sort -V | head -n 1)" == "$2" ]]
}

check_prerequisites() {
  log "Checking prerequisites"
  command -v az >/dev/null 2>&1 \
    || die "Azure CLI (az) not found. Install it: https://learn.microsoft.com/cli/azure/install-azure-cli"

  local az_version
  az_version="$(az version --query '"azure-cli"' --output tsv 2>/dev/null || true)"
  [[ -n "${az_version}" ]] || die "could not read the Azure CLI version (az version)"
  version_at_least "${az_version}" "${MIN_AZ_VERSION}" \
    || die "Azure CLI ${az_version} is too old: ${MIN_AZ_VERSION} or later is needed (az upgrade)"

  az account show --output none 2>/dev/null || die "not logged in to Azure: run 'az login' first"
  if [[ -n "${subscription}" ]]; then
    az account set --subscription "${subscription}" || die "cannot select subscription '${subscription}'"
  fi
  local account
  account="$(az account show --query '[name, id]' --output tsv | paste -sd ' ')"
  log "Subscription: ${account}"

  if [[ "${skip_app}" == false && "${what_if_only}" == false ]]; then
    command -v dotnet >/dev/null 2>&1 || die ".NET SDK (dotnet) not found: .NET ${MIN_DOTNET_MAJOR} SDK is needed to publish the app"
    local dotnet_major
    dotnet_major="$(dotnet --version | cut -d. -f1)"
    ((dotnet_major >= MIN_DOTNET_MAJOR)) || die ".NET SDK $(dotnet --version) is too old: ${MIN_DOTNET_MAJOR}.0 or later is needed"
    command -v zip >/dev/null 2>&1 || die "zip not found (it packages the publish output), e.g. apt-get install zip"
  fi

  [[ -f "${repo_root}/bicep/main.${env_name}.bicepparam" ]] || die "missing bicep/main.${env_name}.bicepparam"
}

ensure_resource_group() {
  if [[ "$(az group exists --name "${resource_group}")" == "true" ]]; then
    local existing_location
    existing_location="$(az group show --name "${resource_group}" --query location --output tsv)"
    log "Resource group ${resource_group} exists (${existing_location})"
    [[ "${existing_location}" == "${location}" ]] \
      || log "Note: resources follow the group's region ${existing_location}, not --location ${location}"
  else
    log "Creating resource group ${resource_group} in ${location}"
    az group create --name "${resource_group}" --location "${location}" \
      --tags app=modelmonitor environment="${env_name}" --output none
  fi
}

confirm() {
  if [[ "${assume_yes}" == true ]]; then
    return 0
  fi
  [[ -t 0 ]] || die "not running in a terminal: review the what-if above and rerun with --yes to apply"
  local answer
  read -r -p "Apply these changes to ${resource_group}? [y/N] " answer
  [[ "${answer}" =~ ^[Yy]([Ee][Ss])?$ ]] || die "cancelled"
}

deploy_infrastructure() {
  local params_file="${repo_root}/bicep/main.${env_name}.bicepparam"
  # A fixed name: reruns replace the same deployment record instead of piling up new ones.
  deployment_name="modelmonitor-${env_name}"

  log "What-if: ${deployment_name} (bicep/main.${env_name}.bicepparam)"
  az deployment group what-if \
    --resource-group "${resource_group}" \
    --name "${deployment_name}" \
    --parameters "${params_file}"

  if [[ "${what_if_only}" == true ]]; then
    log "--what-if-only: stopping before any change"
    exit 0
  fi
  confirm

  log "Deploying infrastructure"
  az deployment group create \
    --resource-group "${resource_group}" \
    --name "${deployment_name}" \
    --parameters "${params_file}" \
    --output none
}

deployment_output() {
  az deployment group show \
    --resource-group "${resource_group}" \
    --name "${deployment_name}" \
    --query "properties.outputs.$1.value" \
    --output tsv
}

publish_app() {
  local function_app="$1" hosting_plan="$2"
  local work_dir
  work_dir="$(mktemp -d)"
  # shellcheck disable=SC2064 # expand now: work_dir is local
  trap "rm -rf '${work_dir}'" EXIT

  # UseInlineEventHubsBinding=false swaps the inline trigger attribute used by offline builds for the official
  # Microsoft.Azure.Functions.Worker.Extensions.EventHubs package, so the host loads the real Event Hubs extension.
  # That package (and the extension bundle the worker SDK restores for it) comes from the full NuGet feed: run
  # this on a machine that reaches nuget.org. The project refuses to publish without the switch.
  log "Publishing functions/ModelMonitor.Functions (Release, official Event Hubs extension)"
  dotnet publish "${repo_root}/functions/ModelMonitor.Functions" \
    --configuration Release \
    -p:UseInlineEventHubsBinding=false \
    --output "${work_dir}/publish"

  [[ -f "${work_dir}/publish/host.json" ]] || die "publish output has no host.json at its root"
  (cd "${work_dir}/publish" && zip -q -r "${work_dir}/app.zip" .)

  # Flex Consumption: az uploads the package to the deployment container (One Deploy). Elastic Premium: zip deploy,
  # which runs from the package (WEBSITE_RUN_FROM_PACKAGE=1). Both authenticate with the az login (Entra ID): the
  # app has basic-auth publishing turned off.
  log "Deploying the package to ${function_app} (${hosting_plan})"
  az functionapp deployment source config-zip \
    --resource-group "${resource_group}" \
    --name "${function_app}" \
    --src "${work_dir}/app.zip" \
    --output none
}

main() {
  parse_args "$@"
  check_prerequisites
  ensure_resource_group
  deploy_infrastructure

  local function_app hosting_plan webhook
  function_app="$(deployment_output functionAppName)"
  hosting_plan="$(deployment_output hostingPlan)"
  webhook="$(deployment_output alertWebhookUrl)"
  [[ -n "${function_app}" ]] || die "the deployment reported no functionAppName output"

  if [[ "${skip_app}" == true ]]; then
    log "--skip-app: infrastructure only"
  else
    publish_app "${function_app}" "${hosting_plan}"
  fi

  log "Done: function app ${function_app} (${hosting_plan}); Azure Monitor webhook ${webhook}"
}

main "$@"
