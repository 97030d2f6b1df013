// Package intent is Hoist's deterministic intent engine: it turns a plain
// English description into a new hoist.yaml ([New]) or an edit of an
// existing one ([Change]), offline, in well under a millisecond, and says
// plainly what it assumed, what it did not understand and what it refused.
//
// intent reads and edits spec values only. It never touches the IR, a
// renderer or the network, never prints, and never invents spec fields:
// what hoist.yaml cannot express becomes a warning. It is a guide for the
// vocabulary it knows; the optional LLM path (which proposes a spec edit
// as JSON) goes through the same gates.
//
// # Pipeline
//
//	description ─Tokenize─▶ tokens ─lexify─▶ lexemes ─split─▶ clauses
//	   ─safety─▶ (refused phrases taken out) ─interpret─▶ components
//	   ─finish─▶ defaults the engine chooses ─assemble─▶ spec
//	   ─repair─▶ spec.Validate passes ─▶ Result
//
// # Tokens
//
// [Tokenize] cuts the text into words ("multi-az", "us-east-1", "don't"),
// numbers ("16", "0.5"), dotted words ("db.r6g.large", "app.example.com",
// "0.0.0.0/0"), paths ("/healthz"), quoted text ('orders', `npm run
// build`), punctuation, and clause breaks (. ; ! ? newlines, list bullets).
// A number glued to its unit is split ("4GB" → 4 GB) and so is a range
// ("2-10" → 2 - 10). Every token keeps its byte offsets, so every report
// points into the user's own text. Words are lowercased and British
// spellings made American ("optimise", "centre").
//
// # Lexicon
//
// The lexicon (lexicon.go) is one ordered list of words and phrases, each
// with a category; the longest phrase wins ("nat gateway" over "nat",
// "api gateway" over "api"), plurals fall back to the singular, and a word
// the lexicon lacks is checked for a misspelling of a content word (one
// edit for 5-7 letters, two for longer: "postgress", "cahce", "lamda"),
// which is reported as a warning ("read "cahce" as "cache""). Categories:
//
//   - heads name components: services by role (api, web, worker, backend,
//     app), functions, static sites, databases, caches, queues, topics,
//     tables, buckets; and parts that are not spec lists: the VPC, NAT
//     gateways, load balancers, VPC endpoints, API Gateway, the project;
//   - engines imply their component ("Postgres", "Redis", "DynamoDB",
//     "S3"); languages and frameworks set runtimes ("Rails" is ruby;
//     "React" makes a static site);
//   - attributes (multi-AZ, highly available, FIFO, versioned, public,
//     private, Graviton/arm64, x86, serverless, http), size words, and
//     values: environments, targets, regions by code or city, units;
//   - field words that introduce or follow a value (port, memory, storage,
//     version, timeout, health check, partition/sort key, TTL, secret, env
//     var, domain, retention, size, name; "called"/"named");
//   - verbs (add, remove, modify, enable, disable, connect, disconnect,
//     rename), relations, negations, prepositions, determiners and number
//     words;
//   - noops: what Hoist always does (encryption, KMS, ECR, CodeBuild,
//     alarms, backups, Secrets Manager, IAM, autoscaling): understood,
//     nothing to change;
//   - unsupported: what hoist.yaml cannot express (EC2, bastion, WAF,
//     dashboards, Kubernetes, Memcached, cron, SES, Cognito, EFS, ...):
//     each gives a warning naming the limit and the alternative;
//   - payload words (images, jobs, uploads) and filler (please, I need,
//     with, and), which need no report.
//
// # Phrase structure
//
// A clause is a sequence of phrases, read left to right:
//
//	clause   = { verb | relation | negation | preposition | np | value }
//	np       = [det] [count] { attribute | size | language | engine [version]
//	           | target | environment | quantity | name-word } head
//	           [ "called" NAME | 'NAME' ]
//	         | [det] ... engine [version]          (implied head: "Postgres 16")
//	         | NAME                                (a component's own name)
//	value    = number [ - number ] [unit] [field]  ("2-10 tasks", "4 GB of RAM")
//	         | between N and M [unit] | up to N | at least N
//	         | field [: = of to is] value          ("port 3000", "memory 2 GB")
//	         | domain | path | instance class | region | ENV_NAME { and ENV_NAME }
//
// Unknown words just before a head name the component ("an orders queue",
// "a user uploads bucket"); "called X", quotes, "X: ..." at the start of a
// list item and "for <payload>" after a data store name it too. In a new
// description a definite phrase ("the queue") refers to the last one
// named, else creates it; in a change it refers to an existing component
// (by name, else by kind when only one fits), and an ambiguous one is
// reported instead of guessed: nothing in its clause is applied to it or
// to anything else in its place ("make the database multi-AZ" with two
// databases changes neither, and "multi-AZ" is reported).
//
// A CDN ("CDN", "CloudFront") is the CloudFront of a static site: with a
// site named it is that site ("a static site with a CDN"), alone it makes
// one that a site named later joins. A bucket the description names
// behind it ("a CDN in front of the bucket") is the site's own bucket,
// not a bucket of its own; CloudFront in front of a service or of a
// bucket the spec already has is a warning.
//
// # Attachment
//
// Modifiers inside a noun phrase apply to its component. A modifier on
// its own applies to the clause's focus (what was named last: each of
// "all the databases") if it fits there, else to the nearest component of the clause that it fits
// (walking back), else to the clause's subject; after "with", only to the
// phrase before "with" ("a database with 8 GB memory" is not the api's
// memory). What still fits nothing waits for a later component in the
// clause, then the last one named in the description, then the only
// component it fits; failing that its words are reported as unrecognized.
// Region, environment, target and AZ count always apply to the spec;
// "arm64" or "highly available" with no component in the clause apply to
// everything they fit.
//
// # Relations
//
// A relation word ("connected to", "reads from", "writes to", "uses",
// "publishes to", "consumes", "subscribes to", "behind", "used by",
// "feeds") links a subject and an object. The subject is the nearest
// service or function: the last one named in the clause that was not
// itself an object, subjects joined by "and" share it ("the api and the
// worker use the database"), else the last one named in the description,
// else the only one. A relative clause ("that reads from ...", "which
// uses ...") belongs to the nearest head before it only ("an api and a
// worker that reads from the queue": the worker alone), unless "both",
// "all" or "each" says otherwise. Objects are the noun phrases after the
// relation; the relation carries across "and" to data stores and
// definite phrases, and a new indefinite service ("... and a worker that
// ...") or a service with a verb of its own ("..., and the api uses
// ...") starts a new subject. "an api that the worker calls" puts the
// object first.
//
// A negated relation undoes a relation and keeps both components: "the
// worker no longer uses the queue", "stops using", "doesn't need the
// queue anymore", "the queue is no longer used by the worker" remove
// the depends_on entry (or subscription) only. Without a service as the
// subject ("we no longer need the queue") it removes the component.
// Relations become depends_on (which expand turns into least-privilege
// IAM and security group rules), topic subscribers (a queue or function
// "subscribed to" a topic, a topic that "fans out to" queues), public
// (a service "behind an ALB") or http (a function "behind API Gateway").
// "with" after a service links the data stores that follow; "for the
// api" after data stores links them to it. In a new spec with exactly one
// service or function, data stores nothing uses are connected to it, as
// an assumption (unless the description disconnected them); otherwise
// they are reported.
//
// A service becomes a function only when a Lambda phrase within its own
// phrase follows "on", "in" or "as" ("a REST API on Lambda"); "a web app
// with 3 tasks and a python lambda" is a service and a function. Service
// settings a function cannot take (task count, port, cpu) are dropped
// with a warning.
//
// # Results
//
// The spec holds what the description said and what the engine must
// choose for a spec that builds (names, a web service's port and
// exposure, a database or cache engine, a function's runtime language:
// the one the rest of the application uses, else Node.js; and a handler
// where spec.Defaults has no conventional one), each choice listed as an
// [Assumption] with its reason; the values spec.Defaults would fill are
// listed too but not written, as a hand-written hoist.yaml would leave
// them out (for a
// change, only the defaults the change brings in). Content words that
// mapped to nothing are [Unrecognized], adjacent ones joined, with byte
// offsets. Values hoist.yaml rejects are dropped with a warning, so the
// spec always passes spec.Validate.
//
// # Safety
//
// Before interpretation, safety rules (safety.go) look within each clause
// for requests that would weaken what Hoist builds: SSH or all ports open
// to the internet, public buckets, databases or caches, admin rights,
// turning off encryption, backups or logging, secret values (which are
// never echoed back), privileged containers, and instructions aimed at the
// engine ("ignore previous instructions"). The words that make the request
// are taken out, a "refused: ..." warning names it once, and the rest of
// the description is read as usual: "a public bucket" is a private bucket
// and a refusal. Words the refusal quotes are never reported again as
// unrecognized; a relation inside it ("full access to the bucket") still
// links, with least privilege.
//
// Everything is deterministic: ordered lists, no maps iterated for
// output, the same input gives the same Result.
package intent
