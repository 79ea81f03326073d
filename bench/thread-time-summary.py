#!/usr/bin/env python3
"""Summarises a dotnet-trace thread-time profile (converted to speedscope JSON) by what the site was doing.

usage: thread-time-summary.py TRACE.speedscope.json

The EventPipe sample profiler records every thread's stack about every 10 ms and marks each sample as managed code
(CPU_TIME) or not (UNMANAGED_CODE_TIME: waiting, or native code such as SQLite). Only CPU_TIME samples count here, and
each goes to the first category whose frame names appear anywhere on its stack. A thread that is runnable but waiting
for a core, or stopped for a garbage collection, still counts as CPU_TIME: the shares show where runnable threads were,
not exact CPU time (bench/run.sh prints the process's real CPU time per registration beside it).
"""
import json, sys, collections
d = json.load(open(sys.argv[1]))
frames = [f['name'] for f in d['shared']['frames']]
rules = [
 ("outbox: compose and write the confirmation email", ('Email.Outbox',)),
 ("POST: antiforgery validation", ('ValidateAntiforgeryToken', 'DefaultAntiforgery+<ValidateRequestAsync>')),
 ("POST: model binding and validation", ('ModelBinder', 'ObjectModelValidator', 'ParameterBinder', 'PropertyBinder')),
 ("POST: registration handler and write transaction", ('DetailsModel+<OnPostAsync>', 'WriteTransaction')),
 ("GET form: antiforgery token and cookie", ('GetAndStoreTokens', 'AntiforgeryExtensions.GetHtml')),
 ("GET form: Razor render", ('Pages_Workshops_Details', 'Pages_Shared__RegistrationFields', 'Pages_Shared__WorkshopFacts', 'Pages_Shared__Layout')),
 ("GET form: handler (cached facts)", ('DetailsModel+<OnGetAsync>',)),
 ("GET result page", ('Pages_Workshops_Registered', 'RegisteredModel')),
 ("GC", ('PollGC', 'System.GC.')),
 ("thread pool spin-waiting", ('LowLevelSpinWaiter',)),
 ("HTTP parsing, middleware, routing, logging", ('Kestrel', 'Middleware')),
]
count = collections.Counter(); total = 0.0
for p in d['profiles']:
    stack = []; last = None
    for e in p['events']:
        t = e['at']
        if last is not None and stack and t > last and frames[stack[-1]] == 'CPU_TIME':
            dt = t - last; total += dt
            s = '|'.join(frames[f] for f in stack)
            for name, keys in rules:
                if any(k in s for k in keys):
                    count[name] += dt; break
            else:
                count['other (runtime, timers, background services)'] += dt
        if e['type'] == 'O': stack.append(e['frame'])
        else:
            while stack and stack.pop() != e['frame']: pass
        last = t
for name, v in count.most_common():
    print(f"  {100*v/total:5.1f} %  {name}")
