// Reads rendered Kubernetes objects (YAML, several documents) on stdin and validates each against its schema from
// kubernetes-models (Kubernetes' own OpenAPI schemas; the Prometheus Operator's for a ServiceMonitor). A typo in a
// field name or a value of the wrong type fails with the object and the path. Kinds with no published model (the
// MongoDB operator's MongoDBCommunity) are named and checked for their required fields only.
import { parseAllDocuments } from "yaml";
import * as apps from "kubernetes-models/apps/v1";
import * as core from "kubernetes-models/v1";
import * as networking from "kubernetes-models/networking.k8s.io/v1";
import * as policy from "kubernetes-models/policy/v1";
import * as autoscaling from "kubernetes-models/autoscaling/v2";
import { ServiceMonitor } from "@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1";

const models = {
  "apps/v1/Deployment": apps.Deployment,
  "v1/Service": core.Service,
  "v1/ConfigMap": core.ConfigMap,
  "v1/Secret": core.Secret,
  "v1/Namespace": core.Namespace,
  "networking.k8s.io/v1/Ingress": networking.Ingress,
  "policy/v1/PodDisruptionBudget": policy.PodDisruptionBudget,
  "autoscaling/v2/HorizontalPodAutoscaler": autoscaling.HorizontalPodAutoscaler,
  "monitoring.coreos.com/v1/ServiceMonitor": ServiceMonitor,
};

function checkMongoDBCommunity(o) {
  for (const field of ["members", "type", "version"]) {
    if (o.spec?.[field] === undefined) throw new Error(`spec.${field} is required`);
  }
}

const input = await new Promise((resolve) => {
  let text = "";
  process.stdin.on("data", (chunk) => (text += chunk));
  process.stdin.on("end", () => resolve(text));
});
const failures = [];
let checked = 0;
for (const doc of parseAllDocuments(input)) {
  const o = doc.toJS();
  if (!o) continue;
  const key = `${o.apiVersion}/${o.kind}`;
  const name = `${o.kind} ${o.metadata?.name}`;
  try {
    if (key === "mongodbcommunity.mongodb.com/v1/MongoDBCommunity") {
      checkMongoDBCommunity(o);
    } else if (models[key]) {
      new models[key](o).validate();
    } else {
      throw new Error(`no schema known for ${key}`);
    }
    checked++;
  } catch (e) {
    failures.push(`${name}: ${e.message}`);
  }
}
if (failures.length > 0 || checked === 0) {
  console.error(failures.length > 0 ? failures.join("\n") : "no objects were rendered");
  process.exit(1);
}
console.log(`kubernetes objects: ${checked} valid`);
