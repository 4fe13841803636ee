"""Daily reminders (nhắc việc): due in 7, 3 and 1 working days, overdue, escalated; one e-mail digest per person.

`run(today)` is what `manage.py send_reminders` does: first it records the day's notifications (shown in the app),
then it e-mails each person one digest of those not yet sent. A second run the same day finds every notification
already recorded and every digest already sent, so it sends nothing.
"""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext

from accounts.models import Role, User
from plans.models import Digest, Notification, Plan, ReportPeriod, Task
from plans.queries import open_tasks, with_due
from workdays.services import get_calendar

DUE_SOON_STEPS = (7, 3, 1)


def escalate_after() -> int:
    """Working days overdue before the monitoring unit is told (setting PLANS_ESCALATE_AFTER_WORKING_DAYS)."""
    return int(getattr(settings, "PLANS_ESCALATE_AFTER_WORKING_DAYS", 3))


@dataclass
class RunResult:
    notifications: int
    emails: int


def run(today: date) -> RunResult:
    created = record_notifications(today)
    return RunResult(created, send_digests(today))


def _people_of(unit_ids) -> dict[int, list[User]]:
    """Active people of these units, and the heads granted over them, by unit id (two queries)."""
    people: dict[int, list[User]] = defaultdict(list)
    if not unit_ids:
        return people
    for user in User.objects.filter(is_active=True, unit_id__in=unit_ids):
        people[user.unit_id].append(user)
    heads = User.objects.filter(is_active=True, grants__role=Role.UNIT_HEAD, grants__unit_id__in=unit_ids).values_list(
        "grants__unit_id", "pk")
    head_ids = defaultdict(set)
    for unit_id, user_id in heads:
        head_ids[unit_id].add(user_id)
    missing = {uid for ids in head_ids.values() for uid in ids} - {u.pk for us in people.values() for u in us}
    extra = {u.pk: u for u in User.objects.filter(pk__in=missing)} if missing else {}
    for unit_id, ids in head_ids.items():
        for user_id in ids - {u.pk for u in people[unit_id]}:
            people[unit_id].append(extra[user_id])
    return people


def record_notifications(today: date) -> int:
    """The day's notifications for tasks and report periods of issued plans; returns how many are new."""
    calendar = get_calendar(range(today.year - 2, today.year + 2))
    limit = escalate_after()
    wanted: list[tuple[User, str, Task | None, ReportPeriod | None, date, int]] = []

    tasks = list(with_due(open_tasks(Task.objects.filter(plan__status=Plan.Status.ISSUED)))
                 .filter(due__isnull=False, due__lte=calendar.add_working_days(today, max(DUE_SOON_STEPS)))
                 .prefetch_related("lead_units", "monitoring_units"))
    unit_ids = {u.pk for t in tasks for u in [*t.lead_units.all(), *t.monitoring_units.all()]}

    periods = list(ReportPeriod.objects.filter(plan__status=Plan.Status.ISSUED,
                                               due_date__lte=calendar.add_working_days(today, max(DUE_SOON_STEPS)),
                                               due_date__gte=calendar.add_working_days(today, -limit * 10))
                   .select_related("plan").prefetch_related("reports"))
    responsible = _responsible_units(periods)
    unit_ids |= {uid for ids in responsible.values() for uid in ids}
    people = _people_of(unit_ids)

    for task in tasks:
        left = calendar.working_days_between(today, task.due)
        leads = [p for u in task.lead_units.all() for p in people[u.pk]]
        if left in DUE_SOON_STEPS:
            wanted += [(p, Notification.Kind.DUE_SOON, task, None, task.due, left) for p in leads]
        elif left < 0:
            wanted += [(p, Notification.Kind.OVERDUE, task, None, task.due, left) for p in leads]
            if -left >= limit:
                monitors = [p for u in task.monitoring_units.all() for p in people[u.pk]]
                wanted += [(p, Notification.Kind.ESCALATION, task, None, task.due, left) for p in monitors]

    for period in periods:
        submitted = {r.unit_id for r in period.reports.all()}
        left = calendar.working_days_between(today, period.due_date)
        kind = Notification.Kind.REPORT_DUE if left in DUE_SOON_STEPS else (
            Notification.Kind.REPORT_LATE if left < 0 else None)
        if kind is None:
            continue
        for unit_id in responsible[period.plan_id] - submitted:
            wanted += [(p, kind, None, period, period.due_date, left) for p in people[unit_id]]

    existing = set(Notification.objects.filter(day=today).values_list("user_id", "task_id", "period_id", "kind"))
    created = 0
    for user, kind, task, period, due, left in _unique(wanted):
        key = (user.pk, task.pk if task else None, period.pk if period else None, kind)
        if key in existing:
            continue
        try:
            with transaction.atomic():
                Notification.objects.create(user=user, kind=kind, task=task, period=period, day=today, due_date=due,
                                            days_left=left)
        except IntegrityError:
            continue  # another run recorded it meanwhile
        existing.add(key)
        created += 1
    return created + _unit_plan_notifications(today, calendar)


def _unit_plan_notifications(today: date, calendar) -> int:
    """Units asked for their own plan (plans.cascade): due in 7, 3 and 1 working days, then late every day."""
    from plans.cascade import pending_requests

    requests = list(pending_requests().filter(due_date__lte=calendar.add_working_days(today, max(DUE_SOON_STEPS)))
                    .select_related("plan", "unit"))
    people = _people_of({r.unit_id for r in requests})
    existing = set(Notification.objects.filter(day=today, unit_request__in=requests)
                   .values_list("user_id", "unit_request_id", "kind"))
    created = 0
    for request in requests:
        left = calendar.working_days_between(today, request.due_date)
        kind = Notification.Kind.UNIT_PLAN_DUE if left in DUE_SOON_STEPS else (
            Notification.Kind.UNIT_PLAN_LATE if left < 0 else None)
        if kind is None:
            continue
        for user in people[request.unit_id]:
            if (user.pk, request.pk, kind) in existing:
                continue
            try:
                with transaction.atomic():
                    Notification.objects.create(user=user, kind=kind, unit_request=request, day=today,
                                                due_date=request.due_date, days_left=left)
            except IntegrityError:
                continue
            existing.add((user.pk, request.pk, kind))
            created += 1
    return created


def _unique(rows):
    seen = set()
    for row in rows:
        key = (row[0].pk, row[1], row[2].pk if row[2] else None, row[3].pk if row[3] else None)
        if key not in seen:
            seen.add(key)
            yield row


def _responsible_units(periods) -> dict[int, set[int]]:
    """Per plan: the units that lead at least one of its tasks, so must send the periodic report."""
    plan_ids = {p.plan_id for p in periods}
    result: dict[int, set[int]] = defaultdict(set)
    rows = Task.lead_units.through.objects.filter(task__plan_id__in=plan_ids, task__is_heading=False).values_list(
        "task__plan_id", "unit_id")
    for plan_id, unit_id in rows:
        result[plan_id].add(unit_id)
    return result


def send_digests(today: date) -> int:
    """One e-mail per person with the day's pending notifications; returns how many e-mails went out."""
    pending = (Notification.objects.filter(day=today, emailed_at__isnull=True, cancelled_at__isnull=True)
               .exclude(user__email="").select_related("user", "task__plan", "period__plan", "unit_request__plan",
                                                   "unit_request__unit")
               .order_by("user_id", "due_date", "pk"))
    by_user: dict[int, list[Notification]] = defaultdict(list)
    for notification in pending:
        by_user[notification.user_id].append(notification)
    already = set(Digest.objects.filter(day=today, user_id__in=by_user).values_list("user_id", flat=True))
    sent = 0
    for user_id, items in by_user.items():
        if user_id in already:
            continue
        user = items[0].user
        with transaction.atomic():
            digest, created = Digest.objects.get_or_create(user=user, day=today, defaults={"items": len(items)})
            if not created:
                continue
            context = {"user": user, "today": today, "items": items,
                       "base_url": getattr(settings, "CCHC_BASE_URL", "")}
            send_mail(
                subject=gettext("[CCHC] Nhắc việc ngày %(day)s: %(count)s mục cần chú ý")
                % {"day": f"{today:%d/%m/%Y}", "count": len(items)},
                message=render_to_string("plans/email/digest.txt", context),
                from_email=None, recipient_list=[user.email],
                html_message=render_to_string("plans/email/digest.html", context),
            )
            Notification.objects.filter(pk__in=[n.pk for n in items]).update(emailed_at=timezone.now())
        sent += 1
    return sent


def inbox(user, today: date, limit: int = 20):
    """The person's recent notifications, newest first, without cancelled ones (for the app)."""
    return (Notification.objects.filter(user=user, cancelled_at__isnull=True, day__lte=today)
            .filter(Q(task__isnull=True) | Q(task__status__in=[Task.Status.NOT_STARTED, Task.Status.IN_PROGRESS]))
            .select_related("task__plan", "period__plan", "unit_request__plan", "unit_request__unit")
            .order_by("-day", "due_date", "pk")[:limit])
