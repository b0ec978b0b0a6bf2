package io.leadflow.cadence.inbox;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.leadflow.cadence.auth.SignedInRep;

/**
 * "Today": the rep's call and voicemail tasks not yet followed by an outcome, and their open
 * promises, from a week back to a day ahead, in time order (so the overdue ones come first).
 */
@ApplicationScoped
public class TodayList {

    static final Duration LOOK_BACK = Duration.ofDays(7);
    static final Duration LOOK_AHEAD = Duration.ofDays(1);

    private final EntityManager entityManager;

    TodayList(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Transactional
    public List<TodayItem> of(SignedInRep rep, Instant now) {
        Timestamp from = Timestamp.from(now.minus(LOOK_BACK));
        Timestamp to = Timestamp.from(now.plus(LOOK_AHEAD));
        List<TodayItem> items = new ArrayList<>();
        rows("""
                select t.due_at, t.channel, l.id, coalesce(l.full_name, l.first_name, 'Unnamed lead'), t.reason
                from touch t join lead l on l.id = t.lead_id
                where coalesce(t.recipient_rep_id, l.assigned_rep_id) = ?1 and l.cadence_state = 'ACTIVE' and t.audience = 'LEAD'
                  and t.channel in ('CALL_TASK', 'VOICEMAIL_TASK') and t.template not like 'commitment-%'
                  and t.status in ('SCHEDULED', 'DISPATCHED', 'ACCEPTED', 'DELIVERED')
                  and t.due_at between ?2 and ?3
                  and not exists (select 1 from lead_event e where e.lead_id = t.lead_id and e.kind = 'outcome' and e.at > t.due_at)
                """, rep, from, to).forEach(row -> items.add(item(row, "CALL_TASK".equals(row[1]) ? "Call" : "Voicemail", now)));
        rows("""
                select c.at, c.channel, l.id, coalesce(l.full_name, l.first_name, 'Unnamed lead'), coalesce(c.note, '')
                from commitment c join lead l on l.id = c.lead_id
                where c.rep_id = ?1 and c.status = 'OPEN' and c.at between ?2 and ?3
                """, rep, from, to).forEach(row -> items.add(item(row,
                "Promised " + ((String) row[1]).toLowerCase(Locale.ROOT).replace("call_task", "call"), now)));
        items.sort(Comparator.comparing(TodayItem::at));
        return items;
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, SignedInRep rep, Timestamp from, Timestamp to) {
        return entityManager.createNativeQuery(sql).setParameter(1, rep.repId()).setParameter(2, from).setParameter(3, to)
                .getResultList();
    }

    private static TodayItem item(Object[] row, String what, Instant now) {
        Instant at = row[0] instanceof Timestamp timestamp ? timestamp.toInstant()
                : row[0] instanceof OffsetDateTime offset ? offset.toInstant() : (Instant) row[0];
        return new TodayItem(at, what, (UUID) row[2], (String) row[3], (String) row[4], at.isBefore(now));
    }
}
